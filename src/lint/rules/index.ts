// The rule registry: one line per rule. Order is the report order for equal positions.
import type { Rule } from '../rule.js';
import { rule as validSyntax } from './valid-syntax.js';
import { rule as noInlineIgnorePragmas } from './no-inline-ignore-pragmas.js';
import { rule as tagImageVersion } from './tag-image-version.js';
import { rule as noLatestTag } from './no-latest-tag.js';
import { rule as pinBaseImageDigest } from './pin-base-image-digest.js';
import { rule as useSupportedBase } from './use-supported-base.js';
import { rule as useTrustedRegistry } from './use-trusted-registry.js';
import { rule as noFromPlatformFlag } from './no-from-platform-flag.js';
import { rule as dropRedundantTargetPlatform } from './drop-redundant-target-platform.js';
import { rule as uniqueStageNames } from './unique-stage-names.js';
import { rule as nonReservedStageName } from './non-reserved-stage-name.js';
import { rule as uppercaseAs } from './uppercase-as.js';
import { rule as lowercaseStageName } from './lowercase-stage-name.js';
import { rule as declareArgsBeforeFrom } from './declare-args-before-from.js';
import { rule as startWithFrom } from './start-with-from.js';
import { rule as setUser } from './set-user.js';
import { rule as nonRootFinalUser } from './non-root-final-user.js';
import { rule as numericUser } from './numeric-user.js';
import { rule as useraddNoLogInit } from './useradd-no-log-init.js';
import { rule as noSudo } from './no-sudo.js';
import { rule as workdirNotCd } from './workdir-not-cd.js';
import { rule as noInteractiveCommands } from './no-interactive-commands.js';
import { rule as setPipefail } from './set-pipefail.js';
import { rule as useShellInstruction } from './use-shell-instruction.js';
import { rule as useOneDownloader } from './use-one-downloader.js';
import { rule as wgetProgress } from './wget-progress.js';
import { rule as mergeConsecutiveRuns } from './merge-consecutive-runs.js';
import { rule as useAptGet } from './use-apt-get.js';
import { rule as aptGetYes } from './apt-get-yes.js';
import { rule as aptNoInstallRecommends } from './apt-no-install-recommends.js';
import { rule as pinAptVersions } from './pin-apt-versions.js';
import { rule as cleanAptLists } from './clean-apt-lists.js';
import { rule as noAptDistUpgrade } from './no-apt-dist-upgrade.js';
import { rule as updateWithInstall } from './update-with-install.js';
import { rule as apkNoCache } from './apk-no-cache.js';
import { rule as pinApkVersions } from './pin-apk-versions.js';
import { rule as pipNoCacheDir } from './pip-no-cache-dir.js';
import { rule as pinPipVersions } from './pin-pip-versions.js';
import { rule as pinNpmVersions } from './pin-npm-versions.js';
import { rule as yarnCacheClean } from './yarn-cache-clean.js';
import { rule as pinGemVersions } from './pin-gem-versions.js';
import { rule as pinGoVersions } from './pin-go-versions.js';
import { rule as yumYes } from './yum-yes.js';
import { rule as yumCleanAll } from './yum-clean-all.js';
import { rule as pinYumVersions } from './pin-yum-versions.js';
import { rule as dnfYes } from './dnf-yes.js';
import { rule as dnfCleanAll } from './dnf-clean-all.js';
import { rule as pinDnfVersions } from './pin-dnf-versions.js';
import { rule as zypperYes } from './zypper-yes.js';
import { rule as noZypperDistUpgrade } from './no-zypper-dist-upgrade.js';
import { rule as zypperClean } from './zypper-clean.js';
import { rule as pinZypperVersions } from './pin-zypper-versions.js';
import { rule as keepTlsVerification } from './keep-tls-verification.js';
import { rule as keepSignatureVerification } from './keep-signature-verification.js';
import { rule as cleanPackageCaches } from './clean-package-caches.js';
import { rule as noPort22 } from './no-port-22.js';
import { rule as validPort } from './valid-port.js';
import { rule as copyNotAdd } from './copy-not-add.js';
import { rule as addToExtractArchives } from './add-to-extract-archives.js';
import { rule as copyDestSlash } from './copy-dest-slash.js';
import { rule as copyFromKnownStage } from './copy-from-known-stage.js';
import { rule as copyFromOtherStage } from './copy-from-other-stage.js';
import { rule as copyRelativeNeedsWorkdir } from './copy-relative-needs-workdir.js';
import { rule as noCopyWholeFilesystem } from './no-copy-whole-filesystem.js';
import { rule as noCopiedSecretFiles } from './no-copied-secret-files.js';
import { rule as execFormCmd } from './exec-form-cmd.js';
import { rule as singleCmd } from './single-cmd.js';
import { rule as singleEntrypoint } from './single-entrypoint.js';
import { rule as singleHealthcheck } from './single-healthcheck.js';
import { rule as addHealthcheck } from './add-healthcheck.js';
import { rule as noSecretsInArgEnv } from './no-secrets-in-arg-env.js';
import { rule as envSelfReference } from './env-self-reference.js';
import { rule as keyValueFormat } from './key-value-format.js';
import { rule as defineVariables } from './define-variables.js';
import { rule as validLabelKeys } from './valid-label-keys.js';
import { rule as addRequiredLabel } from './add-required-label.js';
import { rule as dropUnlistedLabels } from './drop-unlisted-labels.js';
import { rule as fillEmptyLabel } from './fill-empty-label.js';
import { rule as labelUrl } from './label-url.js';
import { rule as labelRfc3339 } from './label-rfc3339.js';
import { rule as labelSpdx } from './label-spdx.js';
import { rule as labelGitHash } from './label-git-hash.js';
import { rule as labelSemver } from './label-semver.js';
import { rule as labelEmail } from './label-email.js';
import { rule as addOciLabels } from './add-oci-labels.js';
import { rule as addSecuritytxtLabel } from './add-securitytxt-label.js';
import { rule as noMaintainer } from './no-maintainer.js';
import { rule as absoluteWorkdir } from './absolute-workdir.js';
import { rule as noOnbuildChain } from './no-onbuild-chain.js';
import { rule as uppercaseInstructions } from './uppercase-instructions.js';
import { rule as noEmptyContinuation } from './no-empty-continuation.js';

export const RULES: readonly Rule[] = [
  validSyntax,
  noInlineIgnorePragmas,
  tagImageVersion,
  noLatestTag,
  pinBaseImageDigest,
  useSupportedBase,
  useTrustedRegistry,
  noFromPlatformFlag,
  dropRedundantTargetPlatform,
  uniqueStageNames,
  nonReservedStageName,
  uppercaseAs,
  lowercaseStageName,
  declareArgsBeforeFrom,
  startWithFrom,
  setUser,
  nonRootFinalUser,
  numericUser,
  useraddNoLogInit,
  noSudo,
  workdirNotCd,
  noInteractiveCommands,
  setPipefail,
  useShellInstruction,
  useOneDownloader,
  wgetProgress,
  mergeConsecutiveRuns,
  useAptGet,
  aptGetYes,
  aptNoInstallRecommends,
  pinAptVersions,
  cleanAptLists,
  noAptDistUpgrade,
  updateWithInstall,
  apkNoCache,
  pinApkVersions,
  pipNoCacheDir,
  pinPipVersions,
  pinNpmVersions,
  yarnCacheClean,
  pinGemVersions,
  pinGoVersions,
  yumYes,
  yumCleanAll,
  pinYumVersions,
  dnfYes,
  dnfCleanAll,
  pinDnfVersions,
  zypperYes,
  noZypperDistUpgrade,
  zypperClean,
  pinZypperVersions,
  keepTlsVerification,
  keepSignatureVerification,
  cleanPackageCaches,
  noPort22,
  validPort,
  copyNotAdd,
  addToExtractArchives,
  copyDestSlash,
  copyFromKnownStage,
  copyFromOtherStage,
  copyRelativeNeedsWorkdir,
  noCopyWholeFilesystem,
  noCopiedSecretFiles,
  execFormCmd,
  singleCmd,
  singleEntrypoint,
  singleHealthcheck,
  addHealthcheck,
  noSecretsInArgEnv,
  envSelfReference,
  keyValueFormat,
  defineVariables,
  validLabelKeys,
  addRequiredLabel,
  dropUnlistedLabels,
  fillEmptyLabel,
  labelUrl,
  labelRfc3339,
  labelSpdx,
  labelGitHash,
  labelSemver,
  labelEmail,
  addOciLabels,
  addSecuritytxtLabel,
  noMaintainer,
  absoluteWorkdir,
  noOnbuildChain,
  uppercaseInstructions,
  noEmptyContinuation,
];

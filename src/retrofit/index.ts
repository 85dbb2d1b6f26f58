/** Retrofit: harden a Dockerfile the user already has, keeping what it does on purpose. Pure. */
export { analyzeDockerfile, parseExecForm } from './analyze.js';
export { planRetrofit, retrofitAnswers, CARRIED, NOT_CARRIED, type RetrofitAnswers, type AdjustableAnswers } from './plan.js';
export { planPatches, applyPatches, defaultPins, packageHygiene, type PatchOptions } from './patches.js';
export { extendDockerignore, SECRET_PATTERNS, type DockerignoreExtension } from './dockerignore.js';
export { suggestComposeHardening, type ComposeHints, type ComposeSuggestion } from './compose.js';
export { secretReason, secretId } from './secrets.js';
export type * from './types.js';
export { applyHunks, applyAccepted, buildSecretIds, secretFlag, type Hunk } from './series.js';
export { runtimeFromDockerfile, type BaseRuntime } from './runtime.js';

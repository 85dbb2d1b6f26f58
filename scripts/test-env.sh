#!/usr/bin/env bash
# The Docker test environment, on Debian bookworm, as root, with no manual step:
#   1. installs docker.io, debootstrap and docker-registry when missing;
#   2. starts dockerd when /var/run/docker.sock does not answer;
#   3. starts a registry on 127.0.0.1:5000 (scripts/registry-config.yml);
#   4. builds local stand-ins for the base images of src/generate/base-images.json that have a
#      `standIn` recipe (scripts/standins/<recipe>.Dockerfile), from `debootstrap --variant=minbase`
#      of the Debian release the reference names (trixie for -trixie and -debian13, else bookworm)
#      and Debian packages or this machine's node, tags them under their mirror names
#      (docker.io/library/node:22 -> 127.0.0.1:5000/library/node:22) and pushes them;
#   5. finds this machine's CA bundle (NODE_EXTRA_CA_CERTS, SSL_CERT_FILE, else the system bundle),
#      which build steps that download over https need where the network inspects TLS, passes it
#      to the stand-in builds as the build secret "ca", and checks that a container trusting it
#      reaches the npm registry (the Docker tests build apps that install packages).
# Idempotent: a re-run with everything up and current only checks, in a few seconds.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
standins="$repo/scripts/standins"
registry=127.0.0.1:5000
cache=/var/cache/harden-init
logdir=/var/log/harden-init
# /usr/bin/docker is the engine's own client, with BuildKit built in; others on PATH may lack it.
docker=/usr/bin/docker
mirror=http://deb.debian.org/debian

say() { printf '%s\n' "test-env: $*"; }
die() { printf '%s\n' "test-env: error: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (it installs packages and starts dockerd): sudo bash scripts/test-env.sh"
command -v node >/dev/null || die "node is not on PATH: install Node.js >= 20 first"

# 1. Packages.
missing=()
[ -x "$docker" ] && command -v dockerd >/dev/null || missing+=(docker.io)
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v docker-registry >/dev/null || missing+=(docker-registry)
command -v curl >/dev/null || missing+=(curl)
command -v tmux >/dev/null || missing+=(tmux)
[ -f /usr/share/keyrings/debian-archive-keyring.gpg ] || missing+=(debian-archive-keyring)
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || die "apt-get update failed"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]} failed"
fi
mkdir -p "$cache" "$logdir"

# 2. Docker engine.
if ! "$docker" info >/dev/null 2>&1; then
  say "starting dockerd (log: $logdir/dockerd.log)"
  nohup dockerd >>"$logdir/dockerd.log" 2>&1 &
  for _ in $(seq 1 60); do
    "$docker" info >/dev/null 2>&1 && break
    sleep 1
  done
  "$docker" info >/dev/null 2>&1 || die "dockerd did not answer within 60 s: see $logdir/dockerd.log"
fi

# 3. Registry.
registry_up() { curl -fsS -m 3 -o /dev/null "http://$registry/v2/" 2>/dev/null; }
if ! registry_up; then
  say "starting docker-registry on $registry (log: $logdir/registry.log)"
  mkdir -p /var/lib/harden-init-registry
  setsid nohup docker-registry serve "$repo/scripts/registry-config.yml" >>"$logdir/registry.log" 2>&1 &
  for _ in $(seq 1 30); do
    registry_up && break
    sleep 1
  done
  registry_up || die "the registry did not answer on http://$registry/v2/ within 30 s: see $logdir/registry.log"
fi

# The digest the registry holds for repo:tag, or nothing.
accept='application/vnd.docker.distribution.manifest.v2+json,application/vnd.oci.image.manifest.v1+json,application/vnd.docker.distribution.manifest.list.v2+json,application/vnd.oci.image.index.v1+json'
remote_digest() {
  curl -fsS -m 5 -I -H "Accept: $accept" "http://$registry/v2/$1/manifests/$2" 2>/dev/null |
    tr -d '\r' | awk -F': ' 'tolower($1)=="docker-content-digest"{print $2}' || true
}
local_label() {
  "$docker" image inspect -f "{{index .Config.Labels \"io.harden-init.stand-in.recipe\"}}" "$1" 2>/dev/null || true
}

# The CA bundle, found as the Docker tests find it (test/helpers/ca.ts).
ca_bundle="" ca_from=""
for pair in "NODE_EXTRA_CA_CERTS=${NODE_EXTRA_CA_CERTS:-}" "SSL_CERT_FILE=${SSL_CERT_FILE:-}" "system=/etc/ssl/certs/ca-certificates.crt"; do
  file="${pair#*=}"
  if [ -n "$file" ] && [ -r "$file" ] && [ -f "$file" ]; then ca_bundle="$file" ca_from="${pair%%=*}"; break; fi
done
[ -n "$ca_bundle" ] || die "no CA bundle (NODE_EXTRA_CA_CERTS, SSL_CERT_FILE, /etc/ssl/certs/ca-certificates.crt): install ca-certificates"
say "CA bundle for build steps: $ca_bundle (from $ca_from, $(grep -c 'BEGIN CERTIFICATE' "$ca_bundle") certificates)"

# 4a. One minbase rootfs per Debian release, cached as a tarball and imported once.
declare -A minbase_image=() minbase_hash=()
prepare_minbase() {
  local suite=$1 tar="$cache/$1-minbase.tar" tmp
  if [ ! -s "$tar" ]; then
    say "debootstrap --variant=minbase $suite (a few minutes, once)"
    tmp="$(mktemp -d "$cache/rootfs.XXXXXX")"
    trap 'rm -rf "$tmp"' EXIT
    debootstrap --variant=minbase "$suite" "$tmp" "$mirror" >"$logdir/debootstrap-$suite.log" 2>&1 ||
      die "debootstrap $suite failed: see $logdir/debootstrap-$suite.log"
    # Like debian:<release>-slim: the three suites, no package lists or caches in the image.
    printf '%s\n' "deb http://deb.debian.org/debian $suite main" "deb http://deb.debian.org/debian $suite-updates main" \
      "deb http://deb.debian.org/debian-security $suite-security main" >"$tmp/etc/apt/sources.list"
    rm -rf "$tmp"/var/lib/apt/lists/* "$tmp"/var/cache/apt/*.bin "$tmp"/var/cache/apt/archives/*.deb "$tmp"/var/log/* "$tmp"/tmp/*
    tar -C "$tmp" --numeric-owner -cf "$tar.part" . && mv "$tar.part" "$tar"
    rm -rf "$tmp"
    trap - EXIT
  fi
  minbase_hash[$suite]="$(stat -c '%s-%Y' "$tar")"
  minbase_image[$suite]="harden-init/$suite-minbase:$(printf '%s' "${minbase_hash[$suite]}" | sha256sum | cut -c1-12)"
}
ensure_minbase() {
  local suite=$1
  if ! "$docker" image inspect "${minbase_image[$suite]}" >/dev/null 2>&1; then
    say "importing ${minbase_image[$suite]}"
    "$docker" import --change 'CMD ["bash"]' "$cache/$suite-minbase.tar" "${minbase_image[$suite]}" >/dev/null || die "docker import failed"
  fi
}

# 4b. The node the node stand-ins copy: this machine's, with its npm and corepack.
node_bin="$(readlink -f "$(command -v node)")"
node_version="$("$node_bin" --version)"
node_lib="$(cd "$(dirname "$(readlink -f "$(command -v npm)")")/../.." && pwd)"
[ -f "$node_lib/npm/package.json" ] || die "cannot find npm next to node ($node_lib/npm): install npm"

# Stand-in kinds in build order (the distroless ones start from `static`) and their mirror tags,
# by Debian release: `tags_of[kind@suite]`.
declare -A tags_of=()
while IFS=' ' read -r kind suite target; do
  tags_of[$kind@$suite]="${tags_of[$kind@$suite]:-} $target"
done < <(node -e '
  const table = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const seen = new Set();
  for (const image of table.images) {
    if (!image.standIn) continue;
    const path = image.ref.replace(/^[^/]+\//, "");
    // Debian 12 only where the reference says so; stand-ins for other distributions (alpine tags) use the current release.
    const suite = /bookworm|debian12|debian:12/.test(image.ref) ? "bookworm" : "trixie";
    const line = `${image.standIn} ${suite} ${process.argv[2]}/${path}`;
    if (!seen.has(line)) { seen.add(line); console.log(line); }
  }' "$repo/src/generate/base-images.json" "$registry")
order=(debian static node node-distroless python python-distroless golang nginx)
suites=(bookworm trixie)
for key in "${!tags_of[@]}"; do
  kind=${key%@*}
  [[ " ${order[*]} " == *" $kind "* ]] || die "base-images.json names an unknown standIn \"$kind\": add scripts/standins/$kind.Dockerfile and list it in test-env.sh"
done
for suite in "${suites[@]}"; do
  # The distroless stand-ins need the static one of their release even when no entry asks for it by itself.
  if [ -n "${tags_of[node-distroless@$suite]:-}${tags_of[python-distroless@$suite]:-}" ] && [ -z "${tags_of[static@$suite]:-}" ]; then
    tags_of[static@$suite]=" $registry/harden-init/standin-static-$suite:latest"
  fi
  for key in "${!tags_of[@]}"; do [ "${key#*@}" = "$suite" ] && { prepare_minbase "$suite"; break; }; done
done

# What a stand-in is made of; a change in any of it rebuilds that stand-in.
recipe_of() {
  local kind=$1 suite=$2 extra=""
  case "$kind" in
    node | node-distroless) extra="$node_version $(node -p 'require(process.argv[1]).version' "$node_lib/npm/package.json")" ;;
  esac
  case "$kind" in
    node-distroless | python-distroless) extra="$extra ${recipes[static@$suite]}" ;;
  esac
  cat "$standins/$kind.Dockerfile" "$standins/copy-with-libs.sh" "$standins"/rootfs/etc/* |
    { cat; if [ "$suite" = bookworm ]; then printf '%s %s\n' "${minbase_hash[$suite]}" "$extra"; else printf '%s %s %s\n' "$suite" "${minbase_hash[$suite]}" "$extra"; fi; } | sha256sum | cut -c1-16
}

declare -A recipes=()
built=()
for suite in "${suites[@]}"; do
for kind in "${order[@]}"; do
  key="$kind@$suite"
  [ -n "${tags_of[$key]:-}" ] || continue
  recipe="$(recipe_of "$kind" "$suite")"
  recipes[$key]=$recipe
  marker="$registry/harden-init/standin-$kind:$recipe"
  want="$(remote_digest "harden-init/standin-$kind" "$recipe")"
  current=yes
  [ -n "$want" ] || current=no
  for target in ${tags_of[$key]}; do
    repo_tag="${target#"$registry"/}"
    [ "$current" = yes ] && [ "$(remote_digest "${repo_tag%:*}" "${repo_tag##*:}")" = "$want" ] || current=no
  done

  if [ "$current" = no ]; then
    ensure_minbase "$suite"
    context="$(mktemp -d "$cache/context.XXXXXX")"
    cp -a "$standins/." "$context/"
    case "$kind" in
      node | node-distroless)
        mkdir -p "$context/node/bin" "$context/node/lib"
        cp "$node_bin" "$context/node/bin/node"
        cp -a "$node_lib/npm" "$context/node/lib/"
        [ ! -d "$node_lib/corepack" ] || cp -a "$node_lib/corepack" "$context/node/lib/"
        ;;
    esac
    say "building $kind stand-in on $suite (log: $logdir/build-$kind-$suite.log)"
    # Debian comes over http here; a step that downloads over https mounts the secret "ca", as generated Dockerfiles do.
    if ! DOCKER_BUILDKIT=1 "$docker" build --progress=plain -f "$context/$kind.Dockerfile" --secret id=ca,src="$ca_bundle" \
      --build-arg BASE="${minbase_image[$suite]}" --build-arg STATIC="$registry/harden-init/standin-static:${recipes[static@$suite]:-none}" \
      --build-arg RECIPE="$recipe" --build-arg NODE_VERSION="${node_version#v}" \
      -t "$marker" "$context" >"$logdir/build-$kind-$suite.log" 2>&1; then
      rm -rf "$context"
      tail -n 20 "$logdir/build-$kind-$suite.log" >&2
      die "building the $kind stand-in on $suite failed: see $logdir/build-$kind-$suite.log"
    fi
    rm -rf "$context"
    "$docker" push "$marker" >/dev/null || die "docker push $marker failed"
    for target in ${tags_of[$key]}; do
      "$docker" tag "$marker" "$target"
      "$docker" push "$target" >/dev/null || die "docker push $target failed"
    done
    built+=("$kind@$suite")
  fi

  # Local tags under the mirror names, so builds find them without a pull.
  for target in "$marker" ${tags_of[$key]}; do
    if [ "$(local_label "$target")" != "$recipe" ]; then
      "$docker" pull -q "$target" >/dev/null || die "docker pull $target failed"
    fi
  done
done
done

for suite in "${suites[@]}"; do
  for kind in "${order[@]}"; do
    [ -n "${tags_of[$kind@$suite]:-}" ] || continue
    for target in ${tags_of[$kind@$suite]}; do
      size="$("$docker" image inspect -f '{{.Size}}' "$target" | awk '{printf "%.1f MB", $1 / 1e6}')"
      printf 'test-env: %-27s %-58s %s\n' "$kind ($suite)" "$target" "$size"
    done
  done
done
# 5. What the Docker tests' builds need: the npm registry over https, trusting the bundle as they do.
node_recipe="${recipes[node@trixie]:-${recipes[node@bookworm]:-}}"
if [ -n "$node_recipe" ]; then
  node_image="$registry/harden-init/standin-node:$node_recipe"
  probe='fetch("https://registry.npmjs.org/-/ping", { signal: AbortSignal.timeout(15000) }).then((r) => { console.log(r.status); process.exit(r.ok ? 0 : 1); }, (e) => { console.log(e.cause?.code ?? e.message); process.exit(1); })'
  if answer="$("$docker" run --rm -v "$ca_bundle:/run/secrets/ca:ro" -e NODE_EXTRA_CA_CERTS=/run/secrets/ca "$node_image" node -e "$probe" 2>&1)"; then
    say "npm registry reached from a container trusting $ca_bundle (HTTP $answer)"
  else
    say "warning: a container trusting $ca_bundle cannot reach the npm registry ($answer): Docker tests that install packages will fail"
  fi
fi

if [ "${#built[@]}" -gt 0 ]; then
  say "built ${built[*]}; registry http://$registry, docker $("$docker" version -f '{{.Server.Version}}')"
else
  say "all stand-ins current; registry http://$registry, docker $("$docker" version -f '{{.Server.Version}}')"
fi

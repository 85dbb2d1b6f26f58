#!/bin/sh
# copy-with-libs.sh ROOT PATH...: copies each PATH (file or directory, keeping its absolute path)
# into ROOT, then every shared library that the ELF files among them load, so ROOT runs them
# without a package manager or a shell.
set -eu
root=$1
shift
for path in "$@"; do
  cp -a --parents "$path" "$root"
done
find "$@" -type f | while read -r file; do
  case "$(head -c 4 "$file" | od -An -c | tr -d ' ')" in
    177ELF) ldd "$file" 2>/dev/null | awk '/=> \//{print $3} /^\t\//{print $1}' ;;
  esac
done | sort -u | while read -r lib; do
  [ -e "$root$lib" ] || cp -L --parents "$lib" "$root"
done

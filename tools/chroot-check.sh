#!/bin/sh
# The README's "Two commands" on a fresh Debian 12, as root and as a sudo
# user, in chroots made with debootstrap. Run as root on a Debian host:
#
#   sh tools/chroot-check.sh [DIR]
#
# DIR (default: ../chroot beside the clone) holds a pristine bookworm system
# in DIR/base, made once by debootstrap and then only copied. For each of
# "root" and "sudo" the script copies it to DIR/<mode>, puts a fresh
# `git clone` of REF (default main) in a work folder with ../shared beside it
# (when the repository has one: the skipped tests then run), and runs the two
# commands of the README's first ```sh block exactly as written, the first
# then the second, in a clean login environment. The sudo user is a fresh
# account in group sudo (NOPASSWD: there is no one to type a password); only
# sudo itself is installed beforehand, by root. Each run's output is in
# DIR/<mode>.log; the summary lines are printed. Exit status: 0 when all four
# commands succeeded.
#
# Environment: REF (branch or commit to clone), MODES ("root sudo"),
# DEBIAN_MIRROR (default http://deb.debian.org/debian), KEEP=1 keeps
# DIR/<mode> afterwards (default: removed, the base is kept).
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$(dirname "$repo")/chroot}
ref=${REF:-main}
modes=${MODES:-root sudo}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
shared=$(dirname "$repo")/shared

if [ "$(id -u)" != 0 ]; then echo "chroot-check: run as root (debootstrap, chroot, mount)" >&2; exit 2; fi
for c in debootstrap chroot mount git; do
  command -v $c >/dev/null || { echo "chroot-check: needs $c (apt-get install debootstrap git)" >&2; exit 2; }
done

# The README's first shell block: its two commands, comments stripped.
cmds=$(awk '/^## Two commands/ {s = 1} s && /^```sh/ {b = 1; next} b && /^```/ {exit} b' "$repo/README.md" |
  sed -e 's/[[:space:]]*#.*$//' -e '/^[[:space:]]*$/d')
[ "$(printf '%s\n' "$cmds" | wc -l)" = 2 ] || { echo "chroot-check: README's Two commands block is not two lines:" >&2; printf '%s\n' "$cmds" >&2; exit 2; }
cmd1=$(printf '%s\n' "$cmds" | sed -n 1p)
cmd2=$(printf '%s\n' "$cmds" | sed -n 2p)

mkdir -p "$dir"
if [ ! -x "$dir/base/usr/bin/apt-get" ]; then
  echo "chroot-check: debootstrap bookworm into $dir/base (a few minutes)"
  rm -rf "$dir/base"
  debootstrap bookworm "$dir/base" "$mirror" > "$dir/debootstrap.log" 2>&1 ||
    { tail -20 "$dir/debootstrap.log" >&2; exit 1; }
fi

mounted=""
cleanup() {
  for m in $mounted; do umount -l "$m" 2>/dev/null || true; done
  mounted=""
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM

# rm -rf of a system copy, only once nothing is mounted inside it (a bind
# mount of /dev would be emptied with it).
remove_root() {
  if grep -q " $1/" /proc/mounts; then
    echo "chroot-check: $1 still has mounts, not removed" >&2
    return 1
  fi
  rm -rf "$1"
}

# in_chroot ROOT USER SCRIPT: SCRIPT in a login shell of USER, clean environment.
in_chroot() {
  if [ "$2" = root ]; then
    chroot "$1" /usr/bin/env -i HOME=/root USER=root LOGNAME=root TERM=dumb \
      PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin /bin/sh -c "$3"
  else
    chroot "$1" /bin/su - "$2" -c "$3"
  fi
}

status=0
for mode in $modes; do
  root=$dir/$mode
  log=$dir/$mode.log
  : > "$log"
  echo "== $mode: copying the base system"
  remove_root "$root" || exit 1
  cp -a "$dir/base" "$root"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  mount -t proc proc "$root/proc" && mounted="$root/proc $mounted"
  mount --bind /dev "$root/dev" && mounted="$root/dev $mounted"
  mount --bind /dev/pts "$root/dev/pts" && mounted="$root/dev/pts $mounted"
  if [ "$mode" = root ]; then
    user=root; home=/root
  else
    user=analyst; home=/home/analyst
    in_chroot "$root" root "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sudo >/dev/null &&
      useradd -m -s /bin/bash -G sudo $user && echo '$user ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/$user &&
      chmod 0440 /etc/sudoers.d/$user" >> "$log" 2>&1 || { echo "$mode: could not make the sudo user"; tail "$log"; status=1; cleanup; continue; }
  fi
  work=$root$home/work
  mkdir -p "$work"
  git clone -q --no-hardlinks "$repo" "$work/diwan"
  git -C "$work/diwan" checkout -q "$ref"
  [ -d "$shared" ] && cp -a "$shared" "$work/shared"
  in_chroot "$root" root "chown -R $user: $home/work"
  echo "== $mode: $cmd1" | tee -a "$log"
  rc1=0; in_chroot "$root" "$user" "cd $home/work/diwan && $cmd1" >> "$log" 2>&1 || rc1=$?
  echo "== $mode: $cmd2" | tee -a "$log"
  rc2=0; in_chroot "$root" "$user" "cd $home/work/diwan && $cmd2" >> "$log" 2>&1 || rc2=$?
  echo "$mode: first command exit $rc1, second exit $rc2; last lines of $log:"
  grep -E '^== diwan demo|^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$|^FAILED|^E: |^make: \*\*\*' "$log" | tail -12 || true
  [ $rc1 = 0 ] && [ $rc2 = 0 ] || status=1
  cleanup
  [ "${KEEP:-0}" = 1 ] || remove_root "$root" || status=1
done
exit $status

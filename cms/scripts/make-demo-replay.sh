#!/bin/sh
# Makes the demo webinars' replay (data/webinars/media/demo-replay.webm, and its poster): a few seconds of a moving
# test pattern with a soft tone, small enough to commit (< 100 KB). Run once by a maintainer with
# Debian's ffmpeg (`apt install ffmpeg`); the file is committed, so `npm start` needs no ffmpeg.
# WebM (VP9 + Opus): every browser the site supports plays it, and no codec of it is patented.
set -eu
out="$(dirname "$0")/../data/webinars/media/demo-replay.webm"
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=size=320x180:rate=12:duration=8" \
  -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=8,volume=0.2" \
  -map 0:v -map 1:a \
  -c:v libvpx-vp9 -b:v 48k -deadline good -cpu-used 4 -row-mt 1 -pix_fmt yuv420p \
  -c:a libopus -b:a 12k -ac 1 \
  -metadata title="Social Tech Academy - demo replay" \
  "$out"
# Its poster (the player's first picture, the VideoObject's thumbnail): a frame at 2 s.
poster="$(dirname "$0")/../data/webinars/media/demo-replay-poster.jpg"
ffmpeg -hide_banner -loglevel error -y -ss 2 -i "$out" -frames:v 1 -q:v 6 "$poster"
ls -l "$out" "$poster"

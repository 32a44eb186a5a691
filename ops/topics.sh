#!/usr/bin/env bash
# Creates Nightjar's topics on a cluster (idempotent). Settings through the environment:
#   BOOTSTRAP (localhost:9092), KAFKA_BIN (folder of kafka-topics.sh), INPUT (ztf-alerts),
#   PREFIX (nightjar), PARTITIONS (6), REPLICATION (1), COMMAND_CONFIG (client .properties for SASL/SSL).
set -euo pipefail
BOOTSTRAP="${BOOTSTRAP:-localhost:9092}"
KAFKA_BIN="${KAFKA_BIN:-}"
INPUT="${INPUT:-ztf-alerts}"
PREFIX="${PREFIX:-nightjar}"
PARTITIONS="${PARTITIONS:-6}"
REPLICATION="${REPLICATION:-1}"
topics_cmd="${KAFKA_BIN:+$KAFKA_BIN/}kafka-topics.sh"
extra=()
[[ -n "${COMMAND_CONFIG:-}" ]] && extra=(--command-config "$COMMAND_CONFIG")

create() { # name, extra config...
  local name="$1"; shift
  "$topics_cmd" --bootstrap-server "$BOOTSTRAP" "${extra[@]}" --create --if-not-exists \
    --topic "$name" --partitions "$PARTITIONS" --replication-factor "$REPLICATION" \
    --config max.message.bytes=16777216 "$@"
  echo "topic $name ready"
}

create "$INPUT" --config retention.ms=604800000
create "$PREFIX.scored" --config retention.ms=2592000000
create "$PREFIX.dlq" --config retention.ms=2592000000
for tag in anomaly artifact star galaxy; do
  create "$PREFIX.$tag" --config retention.ms=2592000000
done

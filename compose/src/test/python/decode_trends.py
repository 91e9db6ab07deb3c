#!/usr/bin/env python3
"""Reads a topic with Confluent's own Avro deserializer (confluent_kafka's MessageSerializer with its schema
registry client; keys are plain strings, so only values are Avro) and prints each record as one JSON line: the interop check that our wire format and registry use are what
Confluent's clients expect.

Usage: decode_trends.py BOOTSTRAP REGISTRY_URL TOPIC END_OFFSETS TIMEOUT_SECONDS
END_OFFSETS is "partition:offset,..." and the script reads every partition from its start up to that offset.
"""
import json
import sys
import time
import uuid

from confluent_kafka import Consumer, TopicPartition
from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer


def main():
    bootstrap, registry, topic, timeout = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[5])
    ends = {int(p): int(o) for p, o in (pair.split(":") for pair in sys.argv[4].split(",") if pair)}
    deserializer = MessageSerializer(CachedSchemaRegistryClient({"url": registry}))
    consumer = Consumer({
        "bootstrap.servers": bootstrap,
        "group.id": "trendmill-interop-" + uuid.uuid4().hex,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
        "isolation.level": "read_committed",
    })
    consumer.assign([TopicPartition(topic, partition, 0) for partition in ends])
    positions = {partition: 0 for partition in ends}
    done = lambda: all(positions[p] >= ends[p] for p in ends)
    deadline = time.time() + timeout
    try:
        while not done() and time.time() < deadline:
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                print(json.dumps({"error": str(message.error())}), flush=True)
                continue
            positions[message.partition()] = message.offset() + 1
            if message.offset() >= ends[message.partition()]:
                continue
            key = message.key()
            if isinstance(key, bytes):
                key = key.decode("utf-8")
            print(json.dumps({
                "partition": message.partition(),
                "offset": message.offset(),
                "key": key,
                "value": deserializer.decode_message(message.value(), is_key=False),
            }, default=str), flush=True)
    finally:
        consumer.close()
    return 0 if done() else 3


if __name__ == "__main__":
    sys.exit(main())

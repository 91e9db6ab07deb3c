package dev.trendmill.schemas.serde;

/** Confluent's wire format: magic byte 0, the schema id as 4 big-endian bytes, then the Avro binary encoding. */
final class WireFormat {
  static final byte MAGIC_BYTE = 0;
  static final int HEADER_SIZE = 5;

  private WireFormat() {}

  static String subject(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }
}

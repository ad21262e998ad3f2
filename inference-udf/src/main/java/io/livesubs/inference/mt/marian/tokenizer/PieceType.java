package io.livesubs.inference.mt.marian.tokenizer;

/** The kind of a SentencePiece vocabulary entry ({@code ModelProto.SentencePiece.Type}). */
public enum PieceType {
  /** An ordinary piece, found by segmentation. */
  NORMAL,
  /** The unknown piece ({@code <unk>}). */
  UNKNOWN,
  /** A control symbol such as {@code <s>} or {@code </s>}: never produced from text. */
  CONTROL,
  /** A user-defined symbol, always kept whole. */
  USER_DEFINED,
  /** A piece that segmentation must not use. */
  UNUSED,
  /** A byte-fallback piece ({@code <0x41>}). */
  BYTE;

  /**
   * The type with protobuf enum number {@code number} (1 = NORMAL … 6 = BYTE).
   *
   * @throws IllegalArgumentException for any other number
   */
  static PieceType ofNumber(int number) {
    return switch (number) {
      case 1 -> NORMAL;
      case 2 -> UNKNOWN;
      case 3 -> CONTROL;
      case 4 -> USER_DEFINED;
      case 5 -> UNUSED;
      case 6 -> BYTE;
      default -> throw new IllegalArgumentException("unknown piece type " + number);
    };
  }
}

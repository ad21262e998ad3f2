package io.livesubs.inference.mt.marian.tokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A SentencePiece model file ({@code *.spm}, a serialised {@code ModelProto}) read with a small
 * hand-written protobuf reader: the pieces with their scores and types, the normaliser, and the
 * trainer settings that matter when encoding (model type, whitespace and byte-fallback options, the
 * unknown-piece surface). Fields this class does not need are skipped.
 *
 * <p>Immutable and thread-safe.
 */
public final class SentencePieceModel {
  /** {@code TrainerSpec.ModelType} numbers, index = number. */
  private static final String[] MODEL_TYPES = {"?", "UNIGRAM", "BPE", "WORD", "CHAR"};

  private static final String DEFAULT_UNK_SURFACE = " \u2047 ";

  private final List<String> pieces;
  private final float[] scores;
  private final PieceType[] types;
  private final NormalizerSpec normalizer;
  private final String modelType;
  private final String unkSurface;
  private final boolean treatWhitespaceAsSuffix;
  private final boolean byteFallback;

  private SentencePieceModel(Parsed p) {
    this.pieces = Collections.unmodifiableList(new ArrayList<>(p.pieces));
    this.scores = new float[p.pieces.size()];
    this.types = new PieceType[p.pieces.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = p.scores.get(i);
      types[i] = p.types.get(i);
    }
    this.normalizer = p.normalizer;
    this.modelType = p.modelType;
    this.unkSurface = p.unkSurface;
    this.treatWhitespaceAsSuffix = p.treatWhitespaceAsSuffix;
    this.byteFallback = p.byteFallback;
  }

  /**
   * Reads a model file.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the file if it is not a SentencePiece model
   */
  public static SentencePieceModel read(Path file) throws IOException {
    return parse(Files.readAllBytes(file), file.toString());
  }

  /**
   * Parses a serialised {@code ModelProto}; {@code source} names it in error messages.
   *
   * @throws IllegalArgumentException if the bytes are not a SentencePiece model with pieces
   */
  public static SentencePieceModel parse(byte[] bytes, String source) {
    Parsed p = new Parsed();
    ProtoReader model = new ProtoReader(bytes, source);
    while (model.hasMore()) {
      int tag = model.readTag();
      switch (tag) {
        case 1 << 3 | ProtoReader.LENGTH_DELIMITED -> readPiece(model.readMessage("piece"), p);
        case 2 << 3 | ProtoReader.LENGTH_DELIMITED -> readTrainer(model.readMessage("trainer"), p);
        case 3 << 3 | ProtoReader.LENGTH_DELIMITED ->
            p.normalizer = readNormalizer(model.readMessage("normalizer"));
        default -> model.skip(tag & 7);
      }
    }
    if (p.pieces.isEmpty()) {
      throw new IllegalArgumentException(source + " has no pieces: not a SentencePiece model");
    }
    if (p.normalizer == null) {
      p.normalizer = new NormalizerSpec("identity", new byte[0], true, true, true);
    }
    return new SentencePieceModel(p);
  }

  private static void readPiece(ProtoReader r, Parsed p) {
    String piece = "";
    float score = 0;
    PieceType type = PieceType.NORMAL;
    while (r.hasMore()) {
      int tag = r.readTag();
      switch (tag) {
        case 1 << 3 | ProtoReader.LENGTH_DELIMITED -> piece = r.readString();
        case 2 << 3 | ProtoReader.FIXED32 -> score = r.readFloat();
        case 3 << 3 | ProtoReader.VARINT -> type = PieceType.ofNumber(r.readInt32());
        default -> r.skip(tag & 7);
      }
    }
    p.pieces.add(piece);
    p.scores.add(score);
    p.types.add(type);
  }

  private static void readTrainer(ProtoReader r, Parsed p) {
    while (r.hasMore()) {
      int tag = r.readTag();
      switch (tag) {
        case 3 << 3 | ProtoReader.VARINT -> {
          int number = r.readInt32();
          p.modelType = number > 0 && number < MODEL_TYPES.length ? MODEL_TYPES[number] : "?";
        }
        case 24 << 3 | ProtoReader.VARINT -> p.treatWhitespaceAsSuffix = r.readVarint() != 0;
        case 35 << 3 | ProtoReader.VARINT -> p.byteFallback = r.readVarint() != 0;
        case 44 << 3 | ProtoReader.LENGTH_DELIMITED -> p.unkSurface = r.readString();
        default -> r.skip(tag & 7);
      }
    }
  }

  private static NormalizerSpec readNormalizer(ProtoReader r) {
    String name = "";
    byte[] charsMap = new byte[0];
    boolean dummyPrefix = true;
    boolean removeExtra = true;
    boolean escape = true;
    while (r.hasMore()) {
      int tag = r.readTag();
      switch (tag) {
        case 1 << 3 | ProtoReader.LENGTH_DELIMITED -> name = r.readString();
        case 2 << 3 | ProtoReader.LENGTH_DELIMITED -> charsMap = r.readBytes();
        case 3 << 3 | ProtoReader.VARINT -> dummyPrefix = r.readVarint() != 0;
        case 4 << 3 | ProtoReader.VARINT -> removeExtra = r.readVarint() != 0;
        case 5 << 3 | ProtoReader.VARINT -> escape = r.readVarint() != 0;
        default -> r.skip(tag & 7);
      }
    }
    return new NormalizerSpec(name, charsMap, dummyPrefix, removeExtra, escape);
  }

  /** Number of pieces; ids are {@code 0 .. size() - 1}. */
  public int size() {
    return pieces.size();
  }

  /** The pieces in id order, unmodifiable. */
  public List<String> pieces() {
    return pieces;
  }

  /** The piece with id {@code id}. */
  public String piece(int id) {
    return pieces.get(id);
  }

  /** The log-probability score of piece {@code id}. */
  public float score(int id) {
    return scores[id];
  }

  /** The type of piece {@code id}. */
  public PieceType type(int id) {
    return types[id];
  }

  /** The text normalisation. */
  public NormalizerSpec normalizer() {
    return normalizer;
  }

  /** {@code UNIGRAM}, {@code BPE}, {@code WORD} or {@code CHAR}. */
  public String modelType() {
    return modelType;
  }

  /** What an unknown piece decodes to ({@code " ⁇ "} unless the model says otherwise). */
  public String unkSurface() {
    return unkSurface;
  }

  /** Whether {@code ▁} ends words instead of starting them. */
  public boolean treatWhitespaceAsSuffix() {
    return treatWhitespaceAsSuffix;
  }

  /** Whether unknown characters fall back to byte pieces. */
  public boolean byteFallback() {
    return byteFallback;
  }

  @Override
  public String toString() {
    return "SentencePieceModel("
        + modelType
        + ", "
        + size()
        + " pieces, "
        + normalizer.name()
        + ")";
  }

  /** Fields collected while parsing. */
  private static final class Parsed {
    final List<String> pieces = new ArrayList<>();
    final List<Float> scores = new ArrayList<>();
    final List<PieceType> types = new ArrayList<>();
    NormalizerSpec normalizer;
    String modelType = "UNIGRAM";
    String unkSurface = DEFAULT_UNK_SURFACE;
    boolean treatWhitespaceAsSuffix;
    boolean byteFallback;
  }
}

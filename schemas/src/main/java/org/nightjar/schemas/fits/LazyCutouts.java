package org.nightjar.schemas.fits;

import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.Cutout;
import org.nightjar.schemas.CutoutKind;

/**
 * The stamps of one alert: raw bytes kept as they came, each decoded on its first request and the
 * result (the cutout or the failure) cached. Thread-safe without locks: two threads racing on the
 * first request may both decode, and the first result stored wins; decoding is idempotent.
 */
public final class LazyCutouts {
  private final CutoutDecoder decoder;
  private final Map<CutoutKind, ByteBuffer> stamps;
  private final AtomicReferenceArray<Object> results = new AtomicReferenceArray<>(CutoutKind.values().length);

  /** Takes the stamps present in the packet; a kind that is absent or null has no cutout. */
  public LazyCutouts(CutoutDecoder decoder, Map<CutoutKind, ByteBuffer> stamps) {
    this.decoder = decoder;
    EnumMap<CutoutKind, ByteBuffer> copy = new EnumMap<>(CutoutKind.class);
    stamps.forEach((kind, bytes) -> copy.put(kind, bytes.asReadOnlyBuffer()));
    this.stamps = copy;
  }

  public boolean has(CutoutKind kind) {
    return stamps.containsKey(kind);
  }

  public Optional<Cutout> get(CutoutKind kind) throws AlertDecodeException {
    ByteBuffer bytes = stamps.get(kind);
    if (bytes == null) {
      return Optional.empty();
    }
    Object result = results.get(kind.ordinal());
    if (result == null) {
      try {
        result = decoder.decode(bytes.duplicate());
      } catch (AlertDecodeException e) {
        result = e;
      }
      if (!results.compareAndSet(kind.ordinal(), null, result)) {
        result = results.get(kind.ordinal());
      }
    }
    if (result instanceof AlertDecodeException e) {
      throw new AlertDecodeException(e.reason(), kind + " cutout: " + e.getMessage(), e);
    }
    return Optional.of((Cutout) result);
  }
}

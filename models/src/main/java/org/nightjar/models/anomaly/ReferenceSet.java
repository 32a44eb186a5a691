package org.nightjar.models.anomaly;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.bundle.ModelBundleWriter;
import org.nightjar.schemas.Survey;

/**
 * The latent reference set of a bundle: per survey, the embeddings of the reference alerts with
 * their alert and object ids, made by one autoencoder. Stored as component {@value #COMPONENT}
 * (file {@value #FILE}, a small binary format: magic {@code NJREFSET}, format version, dimension,
 * the SHA-256 of the autoencoder component that made the vectors, the {@link SearchSpace}, then
 * per survey its name, count, ids and float32 search vectors, big-endian). The bundle checks the file's SHA-256; loading
 * checks its structure and that it belongs to the bundle's autoencoder, and refuses it otherwise
 * with a message naming the file.
 *
 * <p>Immutable; thread-safe.
 */
public final class ReferenceSet {

  public static final String COMPONENT = "reference-set";
  public static final String FILE = "reference-set.bin";

  private static final byte[] MAGIC = {'N', 'J', 'R', 'E', 'F', 'S', 'E', 'T'};
  private static final int FORMAT = 1;
  private static final int MAX_DIMENSION = 4096;
  private static final int MAX_ID_BYTES = 256;

  private final int dimension;
  private final String autoencoderSha256;
  private final SearchSpace space;
  private final Map<Survey, SurveyReferences> surveys;

  public ReferenceSet(SearchSpace space, String autoencoderSha256, Map<Survey, SurveyReferences> surveys) {
    int dimension = space.dimension();
    if (dimension < 1 || dimension > MAX_DIMENSION) {
      throw new IllegalArgumentException("dimension " + dimension + " out of [1, " + MAX_DIMENSION + "]");
    }
    this.space = space;
    this.dimension = dimension;
    this.autoencoderSha256 = Objects.requireNonNull(autoencoderSha256, "autoencoderSha256");
    EnumMap<Survey, SurveyReferences> copy = new EnumMap<>(Survey.class);
    surveys.forEach((s, refs) -> {
      if (refs.survey() != s) {
        throw new IllegalArgumentException("references of " + refs.survey() + " filed under " + s);
      }
      if (refs.size() > 0 && refs.dimension() != dimension) {
        throw new IllegalArgumentException(s + " references have dimension " + refs.dimension() + ", not " + dimension);
      }
      if (refs.size() > 0) {
        copy.put(s, refs);
      }
    });
    this.surveys = java.util.Collections.unmodifiableMap(copy);
  }

  public int dimension() {
    return dimension;
  }

  /** How an alert's latent vector and stamp descriptors become a search vector. */
  public SearchSpace space() {
    return space;
  }

  /** SHA-256 of the autoencoder component whose embeddings these are. */
  public String autoencoderSha256() {
    return autoencoderSha256;
  }

  /** The references of {@code survey}; empty when the bundle has none for it. */
  public Optional<SurveyReferences> of(Survey survey) {
    return Optional.ofNullable(surveys.get(survey));
  }

  public Map<Survey, SurveyReferences> surveys() {
    return surveys;
  }

  public int size() {
    return surveys.values().stream().mapToInt(SurveyReferences::size).sum();
  }

  /** Reads the component of a verified bundle and checks it belongs to the bundle's autoencoder. */
  public static ReferenceSet load(ModelBundle bundle) throws BundleException {
    byte[] data = bundle.component(COMPONENT);
    ReferenceSet set;
    try {
      set = decode(data);
    } catch (IOException | IllegalArgumentException e) {
      throw new BundleException("bundle " + bundle + ": file '" + FILE + "' (component '" + COMPONENT
          + "') is not a valid reference set: " + e.getMessage() + "; rebuild it with nightjar train index", e);
    }
    String aeSha = bundle.manifest().component(org.nightjar.models.autoencoder.AutoencoderModel.COMPONENT).sha256();
    if (!aeSha.equals(set.autoencoderSha256)) {
      throw new BundleException("bundle " + bundle + ": file '" + FILE + "' was built with another autoencoder (sha256 "
          + set.autoencoderSha256.substring(0, Math.min(12, set.autoencoderSha256.length())) + ", the bundle's is "
          + aeSha.substring(0, 12) + "); rebuild it with nightjar train index");
    }
    return set;
  }

  /** Adds this set to a bundle being written. */
  public void addTo(ModelBundleWriter writer) {
    writer.component(COMPONENT, FILE, encode());
  }

  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeInt(FORMAT);
      out.writeInt(dimension);
      out.writeUTF(autoencoderSha256);
      out.writeInt(space.latentDimension());
      out.writeDouble(space.weight());
      out.writeInt(space.descriptors().size());
      for (int j = 0; j < space.descriptors().size(); j++) {
        out.writeUTF(space.descriptors().get(j));
        for (double q : space.percentiles()[j]) {
          out.writeDouble(q);
        }
      }
      out.writeInt(surveys.size());
      for (SurveyReferences refs : surveys.values()) {
        out.writeUTF(refs.survey().name());
        out.writeInt(refs.size());
        for (int i = 0; i < refs.size(); i++) {
          out.writeLong(refs.alertIds()[i]);
          out.writeUTF(refs.objectIds()[i]);
        }
        for (float[] v : refs.vectors()) {
          for (float f : v) {
            out.writeFloat(f);
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  static ReferenceSet decode(byte[] data) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
    try {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IOException("it does not start with the reference-set magic bytes");
      }
      int format = in.readInt();
      if (format != FORMAT) {
        throw new IOException("format version " + format + " is not " + FORMAT);
      }
      int dimension = in.readInt();
      if (dimension < 1 || dimension > MAX_DIMENSION) {
        throw new IOException("dimension " + dimension + " out of [1, " + MAX_DIMENSION + "]");
      }
      String sha = in.readUTF();
      int latent = in.readInt();
      double weight = in.readDouble();
      int m = in.readInt();
      if (latent < 1 || m < 0 || latent + m != dimension) {
        throw new IOException("a latent dimension of " + latent + " and " + m + " descriptors do not make " + dimension);
      }
      java.util.List<String> names = new java.util.ArrayList<>();
      double[][] percentiles = new double[m][SearchSpace.KNOTS];
      for (int j = 0; j < m; j++) {
        names.add(in.readUTF());
        for (int i = 0; i < SearchSpace.KNOTS; i++) {
          percentiles[j][i] = in.readDouble();
        }
      }
      SearchSpace space;
      try {
        space = new SearchSpace(latent, names, percentiles, weight);
      } catch (IllegalArgumentException e) {
        throw new IOException("bad search space: " + e.getMessage());
      }
      int surveyCount = in.readInt();
      if (surveyCount < 0 || surveyCount > Survey.values().length) {
        throw new IOException("survey count " + surveyCount + " out of range");
      }
      Map<Survey, SurveyReferences> surveys = new EnumMap<>(Survey.class);
      for (int s = 0; s < surveyCount; s++) {
        String name = in.readUTF();
        Survey survey;
        try {
          survey = Survey.valueOf(name);
        } catch (IllegalArgumentException e) {
          throw new IOException("unknown survey '" + name + "'");
        }
        int n = in.readInt();
        // Each entry takes at least 8 + 2 + 4*dimension bytes: a count the data cannot hold is absurd.
        if (n < 0 || (long) n * (10L + 4L * dimension) > in.available()) {
          throw new IOException(survey + " count " + n + " does not fit the " + data.length + " bytes of the file");
        }
        long[] alertIds = new long[n];
        String[] objectIds = new String[n];
        for (int i = 0; i < n; i++) {
          alertIds[i] = in.readLong();
          objectIds[i] = in.readUTF();
          if (objectIds[i].length() > MAX_ID_BYTES) {
            throw new IOException("object id of " + objectIds[i].length() + " characters");
          }
        }
        float[][] vectors = new float[n][dimension];
        for (int i = 0; i < n; i++) {
          for (int d = 0; d < dimension; d++) {
            float f = in.readFloat();
            if (!Float.isFinite(f)) {
              throw new IOException("vector " + i + " of " + survey + " holds a non-finite value");
            }
            vectors[i][d] = f;
          }
        }
        if (surveys.put(survey, new SurveyReferences(survey, vectors, alertIds, objectIds)) != null) {
          throw new IOException("survey " + survey + " appears twice");
        }
      }
      if (in.available() > 0) {
        throw new IOException(in.available() + " unexpected bytes after the last survey");
      }
      return new ReferenceSet(space, sha, surveys);
    } catch (EOFException e) {
      throw new IOException("it ends early (truncated)", e);
    }
  }
}

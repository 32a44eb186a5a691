package org.nightjar.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightjar.schemas.testing.BadAlerts;
import org.nightjar.schemas.testing.SampleAlerts;

class AlertCodecTest {
  private static final AlertCodec CODEC = AlertCodec.withDefaults();
  private static final double DEG = 1e-6;

  static Stream<Arguments> sampleFiles() {
    return SampleAlerts.all().stream().map(p -> Arguments.of(SampleAlerts.relative(p), p));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sampleFiles")
  void shouldDecodeEverySampleFileAndItsCutouts(String name, Path file) throws Exception {
    Alert alert = CODEC.decode(AlertFiles.read(file));
    Map<String, String> row = SampleAlerts.index().get(name);
    assertNotNull(row, "INDEX.csv lists " + name);
    assertEquals(row.get("survey"), alert.survey().name());
    assertEquals(Long.parseLong(row.get("alertId")), alert.alertId());
    assertEquals(row.get("objectId"), alert.objectId());
    assertEquals(row.get("schemaVersion"), alert.schemaVersion());
    assertEquals(row.get("band"), alert.band().orElse(""));
    assertEquals(Instant.parse(row.get("eventTime")), alert.eventTime());
    assertEquals(Double.parseDouble(row.get("ra")), alert.ra(), DEG);
    assertEquals(Double.parseDouble(row.get("dec")), alert.dec(), DEG);
    for (CutoutKind kind : CutoutKind.values()) {
      String shape = row.get(kind.name().toLowerCase());
      assertEquals(!shape.isEmpty(), alert.hasCutout(kind), kind + " present");
      if (alert.hasCutout(kind)) {
        Cutout c = alert.cutout(kind).orElseThrow();
        assertEquals(shape, c.width() + "x" + c.height(), kind + " shape");
        assertEquals(Integer.parseInt(row.get(kind.name().toLowerCase() + "_nonfinite")), c.nonFiniteCount());
      } else {
        assertTrue(alert.cutout(kind).isEmpty());
      }
    }
  }

  @Test
  void shouldCoverEverySurveyAndFramingInTheSample() {
    assertTrue(SampleAlerts.ztf().size() >= 250, "ZTF alerts with cutouts");
    assertTrue(SampleAlerts.ztfWithoutCutouts().size() >= 10);
    assertTrue(SampleAlerts.rubin().size() >= 20);
    assertEquals(3, SampleAlerts.rubinConfluent().size());
    assertEquals(SampleAlerts.all().size(), SampleAlerts.index().size());
  }

  /** Values from the upstream ZTF INDEX.csv / CUTOUTS.csv of the shared data. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // file, objectId, schemavsn, jd, band, ra, dec, magpsf, sigmapsf, isdiffpos, sgscore1, drb, sci shape, sci NaN
    "2481117360515010000, ZTF18absduqw, 4.02, 2460236.145956713, r, 350.55, 51.5167, 19.079126358032227, 0.09003960341215134, f, 0.20000000298023224, 0.9999988079071045, 63x63, 0",
    "472263571115115008, ZTF18abdqakc, 3.1, 2458226.7635764, r, 179.4206772, 51.911391, 18.255857, 0.15148605, t, 0.030375, , 63x63, 0",
    "2475433850015015000, ZTF17aacymkh, 4.01, 2460229.9338542, g, 47.3641868, 9.7002819, 18.016722, 0.102532156, t, 0.997917, 0.7893101, 63x63, 2149",
    "3367148980115015000, ZTF26aajvsis, 4.02, 2461121.6489815, r, 119.09006, 2.457144, 18.725826, 0.103063524, t, 0.0345833, 0.68015903, 63x63, 0",
    "2481528092515015006, ZTF23abkpnol, 4.02, 2460236.145956713, r, 350.55, 51.5167, 19.604246139526367, 0.15622468292713165, t, 0.20000000298023224, 0.9988198280334473, 47x63, 0",
    "2481247442315015000, ZTF23ablgskw, 4.02, 2460236.1042900463, r, 3.38, 52.69, 19.92966651916504, 0.16449905931949615, t, 0.20000000298023224, 0.042863879352808, 63x57, 486",
    "595147624915010001, ZTF18abcecyc, 3.0, 2458349.6476273, g, 222.9871951, 0.2746431, 16.402512, 0.057307374, f, 0.993333, , 63x63, 942"
  })
  void shouldReadKnownZtfPacketExactly(String candid, String objectId, String version, double jd, String band, double ra,
      double dec, double magpsf, double sigmapsf, String isdiffpos, double sgscore1, Double drb, String shape, int nan)
      throws Exception {
    Alert alert = CODEC.decode(SampleAlerts.read("ztf/" + candid + ".avro"));
    assertEquals(Survey.ZTF, alert.survey());
    assertEquals(Long.parseLong(candid), alert.alertId());
    assertEquals(objectId, alert.objectId());
    assertEquals(version, alert.schemaVersion());
    assertEquals(band, alert.band().orElseThrow());
    assertEquals(ra, alert.ra(), DEG);
    assertEquals(dec, alert.dec(), DEG);
    long micros = Math.round((jd - 2440587.5) * 86_400_000_000.0);
    assertEquals(Instant.EPOCH.plusNanos(micros * 1000), alert.eventTime());
    assertEquals(jd, alert.number("jd").orElseThrow(), 1e-9);
    assertEquals(sgscore1, alert.number("sgscore1").orElseThrow(), 1e-7);
    assertEquals(drb == null, alert.number("drb").isEmpty());
    if (drb != null) {
      assertEquals(drb, alert.number("drb").orElseThrow(), 1e-7);
    }
    assertEquals(isdiffpos, alert.text("isdiffpos").orElseThrow());
    Photometry p = alert.photometry().orElseThrow();
    assertEquals(magpsf, p.magnitude(), 1e-6);
    assertEquals(sigmapsf, p.magnitudeErr(), 1e-6);
    assertEquals(isdiffpos.equals("t"), p.flux() > 0);
    Cutout science = alert.cutout(CutoutKind.SCIENCE).orElseThrow();
    assertEquals(shape, science.width() + "x" + science.height());
    assertEquals(nan, science.nonFiniteCount());
    Cutout difference = alert.cutout(CutoutKind.DIFFERENCE).orElseThrow();
    assertEquals(shape, difference.width() + "x" + difference.height());
    assertEquals(difference.width() * difference.height(), difference.pixels().length);
  }

  @Test
  void shouldCacheCutoutsPerAlert() throws Exception {
    Alert alert = CODEC.decode(SampleAlerts.read(BadAlerts.FINK_ZTF));
    assertSame(alert.cutout(CutoutKind.TEMPLATE).orElseThrow(), alert.cutout(CutoutKind.TEMPLATE).orElseThrow());
  }

  /** Values from the shared data's rubin/confluent-framed/INDEX.csv. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "25409136044802067, 7.1, 57454.32928159722, g, 149.8021056712687, 2.2486503003111813, 2000.9814453125",
    "3527242430321524769, 7.3, 61314.27337522106, g, 51.60671443071681, -28.368006933142542, 1485.483642578125",
    "7912941781254298, 9.0, 60961.23309222222, r, 55.75212760972686, -32.26847858422095, -1230.2757568359375"
  })
  void shouldDecodeConfluentFramesWithTheirSchemaIds(String diaSourceId, String version, double mjdTai, String band,
      double ra, double dec, double psfFlux) throws Exception {
    byte[] frame = SampleAlerts.read("rubin-confluent/" + diaSourceId + ".avro");
    assertEquals(0, frame[0]);
    Alert alert = CODEC.decode(frame);
    assertEquals(Survey.RUBIN, alert.survey());
    assertEquals(Long.parseLong(diaSourceId), alert.alertId());
    assertEquals(version, alert.schemaVersion());
    assertEquals(band, alert.band().orElseThrow());
    assertEquals(ra, alert.ra(), DEG);
    assertEquals(dec, alert.dec(), DEG);
    assertEquals(psfFlux, alert.photometry().orElseThrow().flux(), 1e-9);
    assertEquals(mjdTai, alert.number("midpointMjdTai").orElseThrow(), 1e-12);
    assertEquals(AstroTime.fromMjdTai(mjdTai), alert.eventTime());
    for (CutoutKind kind : CutoutKind.values()) {
      Cutout c = alert.cutout(kind).orElseThrow();
      assertEquals(30, c.width());
      assertEquals(30, c.height());
    }
  }

  @Test
  void shouldDecodeFinkWrittenRubinContainers() throws Exception {
    // fink-7.4: alertId and diaSource from the record; version recognised from the diaSource fields
    Alert v7 = CODEC.decode(SampleAlerts.read("rubin/58804303023833089_58804303023833089.avro"));
    assertEquals(Survey.RUBIN, v7.survey());
    assertEquals(58804303023833089L, v7.alertId());
    assertEquals("3527246275927867429", v7.objectId());
    assertEquals("7.4", v7.schemaVersion());
    assertEquals("i", v7.band().orElseThrow());
    assertEquals(-160653.22, v7.photometry().orElseThrow().flux(), 0.01);
    assertEquals(1343.3862, v7.photometry().orElseThrow().fluxErr(), 1e-3);
    assertEquals(54.81283094173242, v7.ra(), DEG);
    // MJD TAI 60776.8367434933 = 2025-04-11T20:04:54.637821 TAI, 37 s ahead of UTC
    assertEquals(Instant.parse("2025-04-11T20:04:17.637821Z"), v7.eventTime());
    assertEquals(31, v7.cutout(CutoutKind.SCIENCE).orElseThrow().width());
    // fink-9.0: version from Fink's lsst_schema_version
    Alert v9 = CODEC.decode(SampleAlerts.read("rubin/169298432603193359_169298432603193359.avro"));
    assertEquals("9.0", v9.schemaVersion());
    assertEquals(169298432603193359L, v9.alertId());
    assertEquals(3149.0029296875, v9.photometry().orElseThrow().flux(), 1e-9);
    assertTrue(v9.number("reliability").isPresent());
  }

  @Test
  void shouldDecodeAlertsWithoutCutouts() throws Exception {
    for (Path file : SampleAlerts.ztfWithoutCutouts()) {
      Alert alert = CODEC.decode(AlertFiles.read(file));
      for (CutoutKind kind : CutoutKind.values()) {
        assertFalse(alert.hasCutout(kind));
        assertTrue(alert.cutout(kind).isEmpty());
      }
    }
    Alert iBand = CODEC.decode(SampleAlerts.read("ztf-no-cutouts/673285273115015035.avro"));
    assertEquals("i", iBand.band().orElseThrow());
  }

  static Stream<BadAlerts.Case> badAlerts() {
    return BadAlerts.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badAlerts")
  void shouldRejectEveryBadAlertWithItsReason(BadAlerts.Case bad) throws Exception {
    if (bad.failingCutout().isEmpty()) {
      AlertDecodeException e = assertThrows(AlertDecodeException.class, () -> CODEC.decode(bad.message()));
      assertEquals(bad.expected(), e.reason(), e.getMessage());
    } else {
      Alert alert = CODEC.decode(bad.message());
      CutoutKind kind = bad.failingCutout().get();
      assertTrue(alert.hasCutout(kind));
      AlertDecodeException e = assertThrows(AlertDecodeException.class, () -> alert.cutout(kind));
      assertEquals(bad.expected(), e.reason(), e.getMessage());
      // the failure is cached and repeated; the other stamps are unharmed
      assertEquals(bad.expected(), assertThrows(AlertDecodeException.class, () -> alert.cutout(kind)).reason());
      for (CutoutKind other : CutoutKind.values()) {
        if (other != kind) {
          assertEquals(63, alert.cutout(other).orElseThrow().width());
        }
      }
    }
  }

  @Test
  void shouldGiveASchemaThatDiffersByOneByteItsOwnPlan() throws Exception {
    byte[] original = SampleAlerts.read(SampleAlerts.relative(SampleAlerts.ztf().get(0)));
    String text = new String(original, java.nio.charset.StandardCharsets.ISO_8859_1);
    int at = text.indexOf("\"name\": \"objectId\"") + "\"name\": ".length();
    assertTrue(at > 0, "the schema names objectId");
    for (int shift = 0; shift < 8; shift++) {
      // Renaming the field one letter at a time: the hash reads only a sample of the text, so some
      // of these differ from the cached schema only where the hash does not look.
      byte[] renamed = original.clone();
      renamed[at + 1 + shift] = (byte) (renamed[at + 1 + shift] == 'x' ? 'y' : 'x');
      AlertCodec codec = AlertCodec.withDefaults();
      assertEquals("ZTF", codec.decode(original).survey().name());
      AlertDecodeException e = assertThrows(AlertDecodeException.class, () -> codec.decode(renamed), "shift " + shift);
      assertEquals(RejectReason.MISSING_FIELD, e.reason(), e.getMessage());
      assertEquals(CODEC.decode(original).objectId(), codec.decode(original).objectId(), "the original still decodes");
    }
  }

  @Test
  void shouldNameTheMissingField() {
    AlertDecodeException candid = assertThrows(AlertDecodeException.class, () -> CODEC.decode(BadAlerts.missingCandid().message()));
    assertTrue(candid.getMessage().contains("candid"), candid.getMessage());
    AlertDecodeException objectId = assertThrows(AlertDecodeException.class, () -> CODEC.decode(BadAlerts.missingObjectId().message()));
    assertTrue(objectId.getMessage().contains("objectId"), objectId.getMessage());
  }

  @Test
  void shouldDecodeAllNanCutoutAsValid() throws Exception {
    Alert alert = CODEC.decode(BadAlerts.allNanCutout());
    Cutout science = alert.cutout(CutoutKind.SCIENCE).orElseThrow();
    assertEquals(63, science.width());
    assertTrue(science.isAllNonFinite());
    assertEquals(0, alert.cutout(CutoutKind.TEMPLATE).orElseThrow().nonFiniteCount());
  }

  @Test
  void shouldRejectOldSchemaPacketsThatLackRequiredFields() {
    // ZTF schema 1.1 (2017 commissioning): no objectId, a negative candid
    byte[] old = readHistory("vw1.1_-1726958725155000.avro");
    AlertDecodeException e = assertThrows(AlertDecodeException.class, () -> CODEC.decode(old));
    assertEquals(RejectReason.MISSING_FIELD, e.reason());
    assertTrue(e.getMessage().contains("objectId"), e.getMessage());
  }

  @Test
  void shouldRejectJpegStampsOfSchema13AsNotFits() throws Exception {
    Alert alert = CODEC.decode(readHistory("vw1.3_-121540793515135006.avro"));
    assertEquals("1.3", alert.schemaVersion());
    assertEquals(-121540793515135006L, alert.alertId());
    for (CutoutKind kind : CutoutKind.values()) {
      assertEquals(RejectReason.NOT_FITS, assertThrows(AlertDecodeException.class, () -> alert.cutout(kind)).reason());
    }
  }

  private static byte[] readHistory(String name) {
    try (var in = AlertCodecTest.class.getClassLoader().getResourceAsStream("history/" + name)) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void shouldRejectEmptyAndTinyMessages() {
    assertEquals(RejectReason.NOT_AVRO, assertThrows(AlertDecodeException.class, () -> CODEC.decode(new byte[0])).reason());
    assertEquals(RejectReason.NOT_AVRO, assertThrows(AlertDecodeException.class, () -> CODEC.decode(null)).reason());
    assertEquals(RejectReason.NOT_AVRO, assertThrows(AlertDecodeException.class, () -> CODEC.decode(new byte[] {0, 0})).reason());
    assertEquals(RejectReason.CORRUPT_CONTAINER,
        assertThrows(AlertDecodeException.class, () -> CODEC.decode(new byte[] {'O', 'b', 'j', 1})).reason());
  }

  @Test
  void shouldRejectEveryTruncationOfAContainerWithoutUncheckedExceptions() {
    byte[] message = SampleAlerts.read(BadAlerts.FINK_ZTF);
    for (int length = 0; length < message.length; length += 97) {
      byte[] cut = Arrays.copyOf(message, length);
      AlertDecodeException e = assertThrows(AlertDecodeException.class, () -> CODEC.decode(cut));
      assertNotNull(e.reason());
    }
  }

  /** Seeded random damage to real messages: only AlertDecodeException may come out, never an unchecked one. */
  @Test
  void shouldNeverThrowUncheckedOnRandomlyDamagedMessages() {
    String[] bases = {BadAlerts.OFFICIAL_ZTF, BadAlerts.FINK_ZTF, BadAlerts.RUBIN_FRAME,
        "rubin/58804303023833089_58804303023833089.avro", "ztf/3367148980115015000.avro"};
    java.util.Random random = new java.util.Random(20261123);
    for (int i = 0; i < 1500; i++) {
      byte[] m = SampleAlerts.read(bases[i % bases.length]);
      int changes = 1 + random.nextInt(8);
      for (int j = 0; j < changes; j++) {
        int bound = random.nextBoolean() ? Math.min(m.length, 3000) : m.length;
        m[random.nextInt(bound)] = (byte) random.nextInt(256);
      }
      if (random.nextInt(10) == 0) {
        m = Arrays.copyOf(m, random.nextInt(m.length));
      }
      try {
        Alert alert = CODEC.decode(m);
        for (CutoutKind kind : CutoutKind.values()) {
          try {
            alert.cutout(kind);
          } catch (AlertDecodeException e) {
            assertNotNull(e.reason());
          }
        }
      } catch (AlertDecodeException e) {
        assertNotNull(e.reason());
      }
    }
  }

  @Test
  void shouldDecodeRawAvroWithConfiguredWriterSchema() throws Exception {
    byte[] frame = SampleAlerts.read("rubin-confluent/7912941781254298.avro");
    byte[] raw = Arrays.copyOfRange(frame, 5, frame.length);
    AlertDecodeException e = assertThrows(AlertDecodeException.class, () -> CODEC.decode(raw));
    assertTrue(e.reason() == RejectReason.NOT_AVRO || e.reason() == RejectReason.UNKNOWN_SCHEMA_ID, e.reason().code());

    AlertCodec rawCodec = new AlertCodec(CodecSettings.defaults().withRawWriterSchema(
        SchemaDirectory.load(Optional.empty()).byId(900).orElseThrow().schema()));
    Alert alert = rawCodec.decode(raw);
    assertEquals(7912941781254298L, alert.alertId());
    assertEquals("r", alert.band().orElseThrow());
    byte[] garbage = Arrays.copyOf(raw, raw.length + 3);
    assertEquals(RejectReason.NOT_AVRO, assertThrows(AlertDecodeException.class, () -> rawCodec.decode(garbage)).reason());
    // containers and frames still decode with a raw schema configured
    assertEquals(Survey.ZTF, rawCodec.decode(SampleAlerts.read(BadAlerts.FINK_ZTF)).survey());
    assertEquals("7.1", rawCodec.decode(SampleAlerts.read("rubin-confluent/25409136044802067.avro")).schemaVersion());
  }

  @Test
  void shouldDecodeConcurrentlyWithTheSameResults() throws Exception {
    List<Path> files = SampleAlerts.all();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          List<String> out = new ArrayList<>();
          for (Path f : files) {
            Alert a = CODEC.decode(AlertFiles.read(f));
            out.add(a.alertId() + "/" + a.cutout(CutoutKind.DIFFERENCE).map(Cutout::nonFiniteCount).orElse(-1));
          }
          return out;
        }));
      }
      List<String> first = results.get(0).get();
      for (Future<List<String>> r : results) {
        assertEquals(first, r.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldDecodeInterleavedSchemasAsInOrder() throws Exception {
    // Consecutive packets of ever-changing schemas: more versions than the codec keeps at hand.
    Map<String, List<byte[]>> byVersion = new TreeMap<>();
    for (Path f : SampleAlerts.all()) {
      byte[] bytes = AlertFiles.read(f);
      byVersion.computeIfAbsent(CODEC.decode(bytes).schemaVersion(), v -> new ArrayList<>()).add(bytes);
    }
    assertTrue(byVersion.size() > 4, "schema versions in the sample: " + byVersion.keySet());
    AlertCodec interleaving = AlertCodec.withDefaults();
    int longest = byVersion.values().stream().mapToInt(List::size).max().orElseThrow();
    for (int i = 0; i < longest; i++) {
      for (List<byte[]> packets : byVersion.values()) {
        byte[] bytes = packets.get(i % packets.size());
        Alert expected = CODEC.decode(bytes);
        Alert actual = interleaving.decode(bytes);
        assertEquals(expected.schemaVersion(), actual.schemaVersion());
        assertEquals(expected.alertId(), actual.alertId());
        assertEquals(expected.alertId(), interleaving.alertId(bytes));
        assertEquals(expected.objectId(), actual.objectId());
      }
    }
  }
}

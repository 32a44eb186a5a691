package org.nightjar.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AstroTimeTest {

  @Test
  void shouldConvertJulianDates() {
    assertEquals(Instant.EPOCH, AstroTime.fromJulianDate(2440587.5));
    assertEquals(Instant.parse("2000-01-01T12:00:00Z"), AstroTime.fromJulianDate(2451545.0));
  }

  @Test
  void shouldSubtractLeapSecondsFromTai() {
    // MJD 60000 = 2023-02-25T00:00 on the TAI scale: 37 s ahead of UTC
    assertEquals(Instant.parse("2023-02-24T23:59:23Z"), AstroTime.fromMjdTai(60000.0));
    // MJD 57453 = 2016-03-06T00:00 TAI, 36 s ahead of UTC then
    assertEquals(Instant.parse("2016-03-05T23:59:24Z"), AstroTime.fromMjdTai(57453.0));
    assertEquals(37, AstroTime.taiMinusUtc(Instant.parse("2017-01-01T00:00:00Z").getEpochSecond()));
    assertEquals(36, AstroTime.taiMinusUtc(Instant.parse("2016-12-31T23:59:59Z").getEpochSecond()));
    assertEquals(10, AstroTime.taiMinusUtc(0));
  }

  @Test
  void shouldRefuseTimesOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> AstroTime.fromJulianDate(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> AstroTime.fromJulianDate(1e300));
  }
}

package org.nightjar.schemas;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Survey time stamps to {@link Instant} (UTC, microsecond resolution). ZTF gives a Julian Date in
 * UTC; Rubin gives a Modified Julian Date in TAI, which runs ahead of UTC by the leap seconds
 * (37 s since 2017). Dates before 1972 use the 1972 offset of 10 s.
 */
public final class AstroTime {
  /** JD of 1970-01-01T00:00Z. */
  public static final double UNIX_EPOCH_JD = 2440587.5;
  /** MJD of 1970-01-01T00:00Z. */
  public static final double UNIX_EPOCH_MJD = 40587.0;

  private static final double MICROS_PER_DAY = 86_400_000_000.0;

  /** UTC dates from which TAI - UTC took the value at the same index of {@link #TAI_MINUS_UTC}. */
  private static final long[] LEAP_EPOCH_SECONDS = {
    utc(1972, 1), utc(1972, 7), utc(1973, 1), utc(1974, 1), utc(1975, 1), utc(1976, 1), utc(1977, 1),
    utc(1978, 1), utc(1979, 1), utc(1980, 1), utc(1981, 7), utc(1982, 7), utc(1983, 7), utc(1985, 7),
    utc(1988, 1), utc(1990, 1), utc(1991, 1), utc(1992, 7), utc(1993, 7), utc(1994, 7), utc(1996, 1),
    utc(1997, 7), utc(1999, 1), utc(2006, 1), utc(2009, 1), utc(2012, 7), utc(2015, 7), utc(2017, 1)
  };
  private static final int[] TAI_MINUS_UTC = {
    10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37
  };

  private AstroTime() {}

  /** A Julian Date on the UTC scale (ZTF {@code jd}). */
  public static Instant fromJulianDate(double jd) {
    return fromDaysSinceEpoch(jd - UNIX_EPOCH_JD);
  }

  /** A Modified Julian Date on the TAI scale (Rubin {@code midpointMjdTai}). */
  public static Instant fromMjdTai(double mjdTai) {
    Instant tai = fromDaysSinceEpoch(mjdTai - UNIX_EPOCH_MJD);
    // the offset depends on the UTC date; the TAI date is at most 37 s later, so look up twice
    Instant utc = tai.minusSeconds(taiMinusUtc(tai.getEpochSecond()));
    return tai.minusSeconds(taiMinusUtc(utc.getEpochSecond()));
  }

  /** TAI - UTC in seconds at a UTC instant. */
  public static int taiMinusUtc(long utcEpochSecond) {
    int offset = TAI_MINUS_UTC[0];
    for (int i = 0; i < LEAP_EPOCH_SECONDS.length && utcEpochSecond >= LEAP_EPOCH_SECONDS[i]; i++) {
      offset = TAI_MINUS_UTC[i];
    }
    return offset;
  }

  private static Instant fromDaysSinceEpoch(double days) {
    if (!Double.isFinite(days) || Math.abs(days) > 3_000_000) {
      throw new IllegalArgumentException("time out of range: " + days + " days from 1970");
    }
    return Instant.EPOCH.plus(Math.round(days * MICROS_PER_DAY), ChronoUnit.MICROS);
  }

  private static long utc(int year, int month) {
    return LocalDate.of(year, month, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
  }
}

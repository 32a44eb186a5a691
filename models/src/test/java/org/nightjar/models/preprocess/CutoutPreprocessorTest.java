package org.nightjar.models.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nightjar.models.testing.TestStamps;
import org.nightjar.schemas.Cutout;

class CutoutPreprocessorTest {

  private final CutoutPreprocessor preprocessor = new CutoutPreprocessor(PreprocessingConfig.defaults());

  @Test
  void shouldProduceFiniteFixedSizeStackFromRealStamps() {
    for (String candid : new String[] {TestStamps.ORDINARY, TestStamps.WITH_NAN, TestStamps.EDGE}) {
      Cutout[] t = TestStamps.triplet(candid);
      PreparedStack stack = preprocessor.prepare(t[0], t[1], t[2]);
      assertEquals(32 * 32 * 3, stack.values().length, candid);
      for (float v : stack.values()) {
        assertTrue(Float.isFinite(v), candid + " has a non-finite value");
      }
      assertTrue(stack.finiteCount() > 0, candid);
    }
  }

  @Test
  void shouldMaskExactlyTheNonFinitePixelsOfTheCentralWindow() {
    Cutout[] t = TestStamps.triplet(TestStamps.WITH_NAN);
    assertTrue(t[0].nonFiniteCount() > 0, "fixture should contain NaN");
    PreparedStack stack = preprocessor.prepare(t[0], t[1], t[2]);
    for (int c = 0; c < 3; c++) {
      float[] window = CenterCrop.window(t[c], 32);
      for (int i = 0; i < window.length; i++) {
        float mask = stack.mask()[i * 3 + c];
        assertEquals(Float.isFinite(window[i]) ? 1f : 0f, mask, "channel " + c + " pixel " + i);
        if (mask == 0f) {
          assertEquals(0f, stack.values()[i * 3 + c]);
        }
      }
    }
    assertTrue(stack.finiteCount() < stack.values().length, "central window of this alert holds NaN");
  }

  @Test
  void shouldCropEdgeStampAroundItsCentre() {
    Cutout science = TestStamps.read(TestStamps.EDGE, "science");
    assertEquals(63, science.width());
    assertEquals(44, science.height());
    float[] window = CenterCrop.window(science, 32);
    // Rows 6..37 and columns 15..46 of the 63x44 stamp.
    assertEquals(science.pixel(15, 6), window[0], 0f);
    assertEquals(science.pixel(46, 37), window[32 * 32 - 1], 0f);
  }

  @Test
  void shouldPadSmallStampsWithMaskedPixels() {
    float[] pixels = new float[20 * 10];
    Arrays.fill(pixels, 5f);
    pixels[0] = 7f;
    Cutout small = Cutout.of(20, 10, pixels);
    PreparedStack stack = preprocessor.prepare(small, small, small);
    assertEquals(20 * 10 * 3, stack.finiteCount());
    // Column 6, row 11 of the window holds the stamp's first pixel.
    assertEquals(1f, stack.mask()[(11 * 32 + 6) * 3]);
    assertEquals(0f, stack.mask()[(10 * 32 + 6) * 3]);
  }

  @Test
  void shouldBeInvariantToAffineChangesOfPixelLevels() {
    Cutout[] t = TestStamps.triplet(TestStamps.ORDINARY);
    float[] shifted = t[0].pixels().clone();
    for (int i = 0; i < shifted.length; i++) {
      shifted[i] = shifted[i] * 4f + 1000f;
    }
    Cutout brighter = Cutout.of(t[0].width(), t[0].height(), shifted);
    float[] a = preprocessor.prepare(t[0], t[1], t[2]).values();
    float[] b = preprocessor.prepare(brighter, t[1], t[2]).values();
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i], b[i], 2e-3, "value " + i);
    }
  }

  @Test
  void shouldMapGaussianNoiseToUnitScaleAroundZero() {
    SplittableRandom random = new SplittableRandom(3);
    float[] pixels = new float[63 * 63];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) (120 + 7 * random.nextGaussian());
    }
    Cutout noise = Cutout.of(63, 63, pixels);
    float[] v = preprocessor.prepare(noise, noise, noise).values();
    double sum = 0;
    double sq = 0;
    for (float x : v) {
      sum += x;
      sq += x * x;
    }
    double mean = sum / v.length;
    double std = Math.sqrt(sq / v.length - mean * mean);
    assertEquals(0, mean, 0.03);
    // asinh(z / 3) of unit Gaussian z has a standard deviation close to 1/3.
    assertEquals(0.33, std, 0.03);
  }

  @Test
  void shouldMaskBlankSentinelPixelsLikeNaN() {
    Cutout[] t = TestStamps.triplet(TestStamps.ORDINARY);
    float[] blanked = t[1].pixels().clone();
    for (int i = 0; i < blanked.length / 2; i++) {
      blanked[i] = -Float.MAX_VALUE;
    }
    Cutout template = Cutout.of(t[1].width(), t[1].height(), blanked);
    PreparedStack stack = preprocessor.prepare(t[0], template, t[2]);
    float[] window = CenterCrop.window(template, 32);
    double max = 0;
    for (int i = 0; i < window.length; i++) {
      assertEquals(window[i] == -Float.MAX_VALUE ? 0f : 1f, stack.mask()[i * 3 + 1]);
      max = Math.max(max, Math.abs(stack.values()[i * 3 + 1]));
    }
    assertTrue(max < 15, "blank pixels must not distort the scaling, max " + max);
  }

  @Test
  void shouldBePure() {
    Cutout[] t = TestStamps.triplet(TestStamps.WITH_NAN);
    float[] before = t[0].pixels().clone();
    PreparedStack first = preprocessor.prepare(t[0], t[1], t[2]);
    PreparedStack second = preprocessor.prepare(t[0], t[1], t[2]);
    assertArrayEquals(first.values(), second.values());
    assertArrayEquals(first.mask(), second.mask());
    assertArrayEquals(before, t[0].pixels());
  }
}

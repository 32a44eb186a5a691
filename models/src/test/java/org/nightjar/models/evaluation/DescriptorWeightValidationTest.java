package org.nightjar.models.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescriptorWeightValidationTest {

  private static DescriptorWeightValidation.Row row(double weight, double share) {
    return new DescriptorWeightValidation.Row(weight, 100, share, Map.of());
  }

  @Test
  void shouldChooseTheSmallestWeightOnThePlateauNotTheBestShare() {
    List<DescriptorWeightValidation.Row> rows = List.of(row(0, 0.33), row(2, 0.71), row(4, 0.970), row(5, 0.972),
        row(8, 0.968));
    assertEquals(4, DescriptorWeightValidation.choose(rows));
  }

  @Test
  void shouldChooseTheBestWhenNothingElseIsClose() {
    assertEquals(3, DescriptorWeightValidation.choose(List.of(row(1, 0.5), row(3, 0.9), row(6, 0.7))));
  }
}

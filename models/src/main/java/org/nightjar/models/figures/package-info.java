/**
 * One look for every figure Nightjar draws (training, evaluation, report): XChart charts styled by
 * {@link org.nightjar.models.figures.ChartStyle} and written as PNG, headless, by {@link
 * org.nightjar.models.figures.Figures}.
 */
package org.nightjar.models.figures;

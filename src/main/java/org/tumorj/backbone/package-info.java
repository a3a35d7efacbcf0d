/**
 * Core: the pretrained feature extractor behind an interface of our own ({@link org.tumorj.backbone.Backbone}), its DJL/TensorFlow implementation and the medical preprocessing that feeds it. No ImageJ or Swing imports.
 */
package org.tumorj.backbone;

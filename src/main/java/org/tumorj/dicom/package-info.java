/**
 * Core: TumorJ's DICOM reader and its one writer. The reader Parses Part 10 and meta-less files (implicit/explicit VR, little/big
 * endian, deflate), decodes native, RLE, JPEG (via TwelveMonkeys) and JPEG 2000 (via
 * jai-imageio) pixel data, groups files into series and builds {@link org.tumorj.volume.Volume}s.
 * Entry point: {@link org.tumorj.dicom.DicomReader} ({@link org.tumorj.dicom.DicomReader#standard()}).
 * The writer ({@link org.tumorj.dicom.DicomWriter}, explicit VR little endian, encoded by
 * {@link org.tumorj.dicom.DicomOutput}) writes the phantoms and the exported SEG/RTSTRUCT objects.
 * Plain Java: imports nothing from ImageJ, AWT windows or Swing ({@code java.awt.image} rasters only).
 */
package org.tumorj.dicom;

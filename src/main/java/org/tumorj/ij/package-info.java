/**
 * The one glue package to ImageJ 1: conversion between core types and {@code ImagePlus}, {@code Roi}, {@code Overlay}, dialogs, progress on the status bar. Only this package and {@code ij.commands} import {@code ij.*}.
 *
 * <p>It also holds the Fiji part of each menu command ({@code DicomSeriesOpener},
 * {@code DetectionDisplay}, {@code FolderDetections}, {@code FijiTraining}, {@code ImageTrainingLoop},
 * {@code RoiClassAssignment}, {@code AboutText}), so that the commands themselves only declare
 * their keys and wire them to {@link org.tumorj.api.TumorJ} and these classes.
 */
package org.tumorj.ij;

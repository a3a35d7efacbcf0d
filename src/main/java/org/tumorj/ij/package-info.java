/**
 * The one glue package to ImageJ 1: conversion between core types and {@code ImagePlus}, {@code Roi}, {@code Overlay}, dialogs, progress on the status bar. Only this package and {@code ij.commands} import {@code ij.*}.
 */
package org.tumorj.ij;

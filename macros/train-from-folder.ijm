// TumorJ: train a tumour detector on a folder of annotated studies, without a screen.
//   xvfb-run -a java -Xmx8g -jar ij.jar -batch macros/train-from-folder.ijm "studies=/path/annotated model=/path/model"
// Arguments (as in macros/README.md; paths with spaces in [brackets]):
//   studies=DIR   one subfolder per study: DICOM files + RoiSet.zip (or annotations.json)   required
//   model=DIR     where the model bundle is written                                       required
//   epochs=N  seed=N  context=2.5d|2d  window=soft_tissue|lung|bone|brain|liver|mediastinum|auto
//   input_scale=2|1  features=filters|both|hypercolumns|cells  positive=tumor,lesion  negative=normal,background  validation=0.3
// Any of the optional keys left out takes the default of "Train Tumor Detector..." (docs/commands.md).
args = getArgument();
studies = call("ij.Macro.getValue", args, "studies", "");
model = call("ij.Macro.getValue", args, "model", "");
if (studies == "" || model == "")
    exit("usage: -batch train-from-folder.ijm \"studies=DIR model=DIR [epochs=N] [seed=N] [window=NAME] ...\"");
options = "studies=[" + studies + "] model=[" + model + "]";
optional = newArray("epochs", "seed", "context", "window", "input_scale", "features", "positive", "negative", "validation");
for (i = 0; i < optional.length; i++) {
    value = call("ij.Macro.getValue", args, optional[i], "");
    if (value != "")
        options = options + " " + optional[i] + "=[" + value + "]";
}
setBatchMode(true);
run("Train Tumor Detector...", options);

// TumorJ: detect tumours in every study of a folder, without a screen.
//   xvfb-run -a java -jar ij.jar -batch macros/batch-detect-folder.ijm "model=/path/model input=/path/studies output=/path/out"
// Arguments (as in macros/README.md; paths with spaces in [brackets]):
//   model=DIR   model bundle (from train-from-folder.ijm or ./tumorj train)    required
//   input=DIR   a folder of study folders (or one series folder)               required
//   output=DIR  one results folder per study is written here                   default: input/tumorj-results
//   redo        detect again in studies that already have results             default: skip them
//   include_patient_id   add the PatientID column to detections.csv (sensitive)
// Studies already done are skipped, a failing study is logged and the batch goes on, progress is
// printed as "i/n", and a summary line ends the run.
args = getArgument();
model = call("ij.Macro.getValue", args, "model", "");
input = call("ij.Macro.getValue", args, "input", "");
output = call("ij.Macro.getValue", args, "output", input + File.separator + "tumorj-results");
if (model == "" || input == "")
    exit("usage: -batch batch-detect-folder.ijm \"model=DIR input=DIR [output=DIR] [redo] [include_patient_id]\"");
// bare words in the arguments, the way ImageJ writes ticked checkboxes
redo = indexOf(" " + args + " ", " redo ") >= 0;
includePatientId = indexOf(" " + args + " ", " include_patient_id ") >= 0;
options = "model=[" + model + "] input=[" + input + "] output=[" + output + "]";
if (!redo)
    options = options + " skip_existing";
if (includePatientId)
    options = options + " include_patient_id";
setBatchMode(true);
run("Batch Detect Folder...", options);

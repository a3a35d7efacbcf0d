// TumorJ: score a trained detector on annotated studies it has not seen, without a screen.
//   xvfb-run -a java -jar ij.jar -batch macros/evaluate.ijm "model=/path/model studies=/path/held-out"
// Arguments (as in macros/README.md; paths with spaces in [brackets]):
//   model=DIR     model bundle                                                     required
//   studies=DIR   annotated studies, as for training                               required
//   report=FILE   JSON report (FROC, slice ROC AUC, Dice)     default: studies/evaluation.json
// The summary line is printed; the report holds every number.
args = getArgument();
model = call("ij.Macro.getValue", args, "model", "");
studies = call("ij.Macro.getValue", args, "studies", "");
report = call("ij.Macro.getValue", args, "report", "");
if (model == "" || studies == "")
    exit("usage: -batch evaluate.ijm \"model=DIR studies=DIR [report=FILE]\"");
options = "model=[" + model + "] studies=[" + studies + "]";
if (report != "")
    options = options + " report=[" + report + "]";
setBatchMode(true);
run("Evaluate...", options);

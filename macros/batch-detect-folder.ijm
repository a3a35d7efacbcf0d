// TumorJ: detect tumours in every study of a folder, headless.
//   xvfb-run -a java -jar ij.jar -batch macros/batch-detect-folder.ijm "model=/path/model input=/path/studies output=/path/out"
// One output folder per study; studies already done are skipped; a failing study is logged
// and the batch goes on; progress is printed as "i/n".
args = getArgument();
model = valueOf(args, "model");
input = valueOf(args, "input");
output = valueOf(args, "output");
if (model == "" || input == "" || output == "")
    exit("usage: -batch batch-detect-folder.ijm \"model=DIR input=DIR output=DIR\"");
setBatchMode(true);
run("Batch Detect Folder...", "model=[" + model + "] input=[" + input + "] output=[" + output + "] skip_existing");
print("TumorJ batch finished: " + call("org.tumorj.ij.MacroResults.get", "summary"));

function valueOf(text, key) {
    parts = split(text, " ");
    for (i = 0; i < parts.length; i++)
        if (startsWith(parts[i], key + "="))
            return substring(parts[i], lengthOf(key) + 1);
    return "";
}

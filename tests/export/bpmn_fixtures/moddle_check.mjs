// Parse a BPMN file with bpmn-moddle (what bpmn-js uses) and print its warnings as JSON.
// Usage: NODE_PATH is not used by ES modules, so pass the node_modules folder:
//   node moddle_check.mjs /path/to/node_modules file.bpmn
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const [modules, file] = process.argv.slice(2);
const entry = pathToFileURL(join(modules, "bpmn-moddle", "dist", "index.js")).href;
const imported = await import(entry);
const BpmnModdle = imported.default ?? imported.BpmnModdle;
const moddle = new BpmnModdle();
const { rootElement, warnings } = await moddle.fromXML(readFileSync(file, "utf8"));
const messages = warnings.map((warning) => warning.message);
console.log(JSON.stringify({ root: rootElement.$type, warnings: messages }));

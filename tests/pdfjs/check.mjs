// Reads a PDF the way Firefox's PDF viewer does (pdf.js) and checks its
// tags: every page has a structure tree that is not empty, and no text item
// lies outside marked content (a tagged sequence or an artifact).
//
//   node tests/pdfjs/check.mjs PDF...
//
// Prints one line per failure (page, what is wrong, what is expected) and
// exits 1 on any. Install first: npm ci --omit=optional in tests/pdfjs.
import { readFileSync } from "node:fs";

// pdf.js prints "Warning: ..." lines for fonts and canvas polyfills it does
// not need for text; keep stdout for the check's own lines.
const warn = console.warn, log = console.log;
console.warn = () => {};
console.log = (...a) => { if (!String(a[0]).startsWith("Warning:")) log(...a); };
const { getDocument, VerbosityLevel } = await import("pdfjs-dist/legacy/build/pdf.mjs");

const MAX = 3;	// failures of one kind printed per page

function snippet(s) {
	s = s.replace(/\s+/g, " ").trim();
	return s.length > 40 ? s.slice(0, 40) + "…" : s;
}

// Structure nodes under a page's tree that are content (marked content or
// an annotation), counted.
function countContent(node) {
	if (!node) return 0;
	if (node.type === "content" || node.type === "object" || node.type === "annotation") return 1;
	let n = 0;
	for (const c of node.children || []) n += countContent(c);
	return n;
}

async function check(path) {
	const out = [];
	let doc;
	try {
		const data = new Uint8Array(readFileSync(path));
		doc = await getDocument({ data, verbosity: VerbosityLevel.ERRORS, isEvalSupported: false,
			disableFontFace: true, useSystemFonts: false }).promise;
	} catch (e) {
		return [`${path}: pdf.js cannot open it: ${e.message}`];
	}
	let pagesWithTree = 0, textItems = 0, blank = 0;
	for (let n = 1; n <= doc.numPages; n++) {
		const page = await doc.getPage(n);
		const tc = await page.getTextContent({ includeMarkedContent: true });
		// pageText: text that is not an artifact, so belongs in the tree.
		let depth = 0, outside = 0, unbalanced = 0, pageText = 0, mcids = 0;
		const tags = [];
		for (const it of tc.items) {
			if (it.type === "beginMarkedContent" || it.type === "beginMarkedContentProps") {
				depth++;
				tags.push(it.tag);
				if (it.type === "beginMarkedContentProps" && it.id) mcids++;
			} else if (it.type === "endMarkedContent") {
				if (depth === 0) {
					if (++unbalanced <= MAX)
						out.push(`${path}: page ${n}: endMarkedContent without a begin; expected BDC/BMC and EMC in pairs`);
				} else {
					depth--;
					tags.pop();
				}
			} else if (typeof it.str === "string" && it.str.trim() !== "") {
				textItems++;
				if (!tags.includes("Artifact"))
					pageText++;
				if (depth === 0 && ++outside <= MAX)
					out.push(`${path}: page ${n}: text "${snippet(it.str)}" is outside marked content; ` +
						"expected it inside /TAG <</MCID n>> BDC … EMC or /Artifact BMC … EMC");
			}
		}
		// A page with nothing on it but artifacts (a blank verso, perhaps
		// with a draft stamp) has nothing to put in the tree; every other
		// page must have a tree.
		const tree = await page.getStructTree();
		if (!pageText && !mcids) {
			blank++;
		} else if (!tree || !(tree.children || []).length || countContent(tree) === 0) {
			out.push(`${path}: page ${n}: getStructTree() is ${tree ? "a tree with no content" : "empty (null)"}; ` +
				"expected the page's marked content in the structure tree (StructParents, ParentTree, MCIDs)");
		} else {
			pagesWithTree++;
		}
		if (outside > MAX)
			out.push(`${path}:   ... and ${outside - MAX} more text items outside marked content on page ${n}`);
		if (depth !== 0)
			out.push(`${path}: page ${n}: ${depth} marked-content sequences not closed at the end of the page; expected each BDC/BMC closed by EMC`);
		page.cleanup();
	}
	const stats = `${doc.numPages} pages, ${pagesWithTree} with a structure tree, ${blank} with artifacts only, ${textItems} text items`;
	await doc.destroy();
	if (out.length)
		out.unshift(`${path}: NOT TAGGED AS REQUIRED for pdf.js (${stats})`);
	else
		out.push(`${path}: pdf.js ok (${stats})`);
	return out;
}

const paths = process.argv.slice(2);
if (!paths.length) {
	warn("usage: node check.mjs PDF...");
	process.exit(2);
}
let bad = 0;
for (const p of paths) {
	const lines = await check(p);
	for (const l of lines) log(l);
	if (lines.length > 1 || !lines[0].includes(" ok ")) bad++;
}
process.exit(bad ? 1 : 0);

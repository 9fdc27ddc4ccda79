// The text layer of a PDF, read with pdf.js (npm pdfjs-dist) inside the extraction worker. pdf.js parses in
// its own worker, started here from the source or URL the page passes in `configurePdf` (from file:// the
// page can only start workers from Blob URLs). Nothing is rendered and no font is loaded: text only.
import { getDocument, GlobalWorkerOptions, InvalidPDFException, PasswordException, VerbosityLevel } from 'pdfjs-dist/build/pdf.min.mjs';
import { pdfText } from './pdf_layout.js';

let startPdfWorker = null;

// `start` returns a new Worker running pdf.js's worker script; it is called once, on the first PDF.
export function configurePdf(start) {
  startPdfWorker = start;
}

function pdfError(code, message) {
  return { code, message: `[${code}] ${message}` };
}

// {text, title} of the PDF `bytes` (a Uint8Array whose buffer pdf.js takes over), or a thrown coded error.
export async function pdfDocument(bytes, name) {
  if (!GlobalWorkerOptions.workerPort) {
    if (!startPdfWorker) throw pdfError('load.pdf', `${name} cannot be read: PDF support is not available in this page.`);
    GlobalWorkerOptions.workerPort = startPdfWorker();
  }
  const task = getDocument({
    data: bytes,
    verbosity: VerbosityLevel.ERRORS,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableWorkerRendering: true,
    useWasm: false,
    stopAtErrors: false,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    if (error instanceof PasswordException) throw pdfError('load.pdf_password', `${name} is protected by a password; the page cannot read it.`);
    if (error instanceof InvalidPDFException) throw pdfError('load.pdf_damaged', `${name} is not a readable PDF (${error.message.replace(/\.$/, '')}).`);
    throw pdfError('load.pdf_damaged', `${name} could not be read as a PDF (${error && error.message ? error.message : error}).`);
  }
  try {
    const pages = [];
    for (let number = 1; number <= pdf.numPages; ++number) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .filter((item) => typeof item.str === 'string')
          .map((item) => ({ str: item.str, x: item.transform[4], y: item.transform[5], height: item.height, hasEOL: item.hasEOL })),
      );
      page.cleanup();
    }
    const text = pdfText(pages);
    if (!text.trim()) {
      throw pdfError('load.pdf_no_text', `${name} has no text layer (it may be a scan); run it through OCR first, then add the result.`);
    }
    const { info } = await pdf.getMetadata().catch(() => ({ info: {} }));
    return { text, title: typeof info?.Title === 'string' ? info.Title.trim() : '' };
  } finally {
    await task.destroy();
  }
}

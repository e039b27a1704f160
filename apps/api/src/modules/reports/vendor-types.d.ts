// Type declarations for the parts of untyped packages the reports use.

declare module 'pdfmake/js/Printer' {
  import type { Readable } from 'node:stream';

  export interface FontFiles {
    normal: string;
    bold?: string;
    italics?: string;
    bolditalics?: string;
  }

  export interface VirtualFs {
    existsSync(name: string): boolean;
    readFileSync(name: string, options?: unknown): Buffer;
    writeFileSync(name: string, content: unknown, options?: unknown): void;
  }

  /** pdfmake 0.3's server-side printer: lays out a document definition into a PDFKit document. */
  export default class PdfPrinter {
    constructor(fonts: Record<string, FontFiles>, virtualfs: VirtualFs, urlResolver: unknown, localAccessPolicy?: (path: string) => boolean);
    createPdfKitDocument(docDefinition: object, options?: object): Promise<Readable & { end(): void }>;
  }
}

declare module 'pdfmake/js/URLResolver' {
  import type { VirtualFs } from 'pdfmake/js/Printer';

  export default class URLResolver {
    constructor(fs: VirtualFs);
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
  }
}

declare module 'subset-font' {
  interface SubsetOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
    preserveNameIds?: number[];
    noLayoutClosure?: boolean;
  }
  function subsetFont(font: Buffer, text: string, options?: SubsetOptions): Promise<Buffer>;
  export = subsetFont;
}

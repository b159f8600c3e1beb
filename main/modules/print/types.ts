import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { AppContext } from '../../context.ts';
import type { DocStamp } from '../../pdf/blocks.ts';
import type { Paper, PaperChoice } from '../../pdf/paper.ts';

/** What a print request says beyond the paper: which record, and type-specific options. */
export interface PrintTarget {
  recordId: string | null;
  unitId: string | null;
  level: string | null;
  onlyUnsigned: boolean;
  /** Period options (ledgers): calendar dates, either may be open. */
  from?: string | null;
  to?: string | null;
  /** A status code the type understands (e.g. a hazard status). */
  status?: string | null;
  /** Year and quarter (statistics tables); quarter null means the whole year. */
  year?: number | null;
  quarter?: number | null;
}

/** The options a print request can carry beyond the paper, in the order the print centre shows them. */
export type PrintOption = 'unit' | 'level' | 'status' | 'period' | 'year' | 'quarter' | 'onlyUnsigned';

/** A type-specific list for the 'level' or 'status' option: its label and values. */
export interface OptionChoices {
  label: string;
  options: { value: string; label: string }[];
}

export interface BuildContext {
  paper: Paper;
  /** Type scale: 1 on A4, grows with the page's short side. */
  k: number;
  stamp: DocStamp;
  /** Image bytes as data URLs, by attachment SHA-256 (the data itself only names the hash). */
  images: Record<string, string>;
  /** When a long document is rendered in chunks: pages before this chunk, and the whole document's page count. */
  pages?: { offset: number; total: number };
}

export interface Loaded<D> {
  /** Everything the document shows, JSON-serialisable: its canonical form is fingerprinted. */
  data: D;
  /** Attachment ids of the images the document embeds. */
  imageIds: string[];
  /** What cannot be left out: the document is refused while any is missing. */
  missing: string[];
  /** Blocks that are left out for lack of data, said so in the print centre. */
  omitted: string[];
  /** A title for this particular document (e.g. with the year or the signer). */
  title?: string;
}

export interface PrintRecordOption {
  id: string;
  label: string;
}

/**
 * A document type the print centre offers. `load` reads the database; `build`
 * is a pure function from the loaded data to a pdfmake definition.
 */
export interface DocType<D = unknown> {
  type: string;
  title: string;
  group: string;
  description: string;
  /** Layout version printed in the footer; bump when the layout changes. */
  layoutVersion: string;
  defaultPaper: PaperChoice;
  suggestedSizes: string[];
  /** The smallest short side (mm) the layout works on. */
  minShortSideMm: number;
  /** When the user must pick a record: what it is called and which exist. */
  records?: { label: string; list(app: AppContext): PrintRecordOption[]; required: boolean; /** What leaving it empty prints. */ placeholder?: string };
  /** The words for the 'onlyUnsigned' option of this type. */
  onlyUnsignedLabel?: string;
  /** Type-specific options the print centre shows. */
  options?: PrintOption[];
  /** What the 'level' and 'status' options offer for this type (levels can be settings, hence the app). */
  choices?: (app: AppContext) => { level?: OptionChoices; status?: OptionChoices };
  /** Chinese names of the top-level keys of the data, to say what changed since a print. */
  sectionLabels: Record<string, string>;
  load(app: AppContext, target: PrintTarget): Loaded<D>;
  build(data: D, ctx: BuildContext): TDocumentDefinitions;
  /**
   * For batch documents (hundreds of pages): splits the data into parts that
   * are laid out separately and merged, so memory stays flat.
   */
  chunk?: (data: D, paper: Paper) => D[];
  /**
   * How page numbers run over chunks: 'document' (default) numbers the whole
   * document x/y, which costs a counting pass; 'none' for documents whose parts
   * stand alone (pocket cards, one card per record).
   */
  paging?: 'document' | 'none';
  /**
   * Fixed-format documents (pocket cards): every record must fill exactly
   * `pagesPerRecord` pages. A part that lays out longer is split into single
   * records; a record that still overflows is laid out by `enlarge` (e.g. on A6)
   * and the print centre shows its warning.
   */
  fit?: {
    pagesPerRecord: number;
    records(part: D): number;
    split(part: D): D[];
    /** Records from `split` back into one part. */
    join(singles: D[]): D;
    enlarge(single: D, paper: Paper): { data: D; warning: string | null };
  };
  /** Says in words what changed between a printed snapshot and today's data (default: the changed sections). */
  describeChange?: (before: D, after: D) => string[];
  /**
   * Whether a print of this type is listed as 需重印 when its data changes.
   * Working papers (sign-off sheets filled in by hand) say no.
   */
  trackStale?: boolean;
}

/** Erases the data type so types of different documents can share one registry. */
export function docType<D>(def: DocType<D>): DocType<unknown> {
  return def as DocType<unknown>;
}

/**
 * For documents whose data holds its records (agreements, lists, cards…) in
 * one array field: parts of `perPart` records, and the split/join a `fit` needs.
 */
export function byRecords<D, K extends keyof D>(key: K, perPart: number) {
  type R = D[K] extends readonly (infer T)[] ? T : never;
  const records = (d: D) => d[key] as unknown as R[];
  const withRecords = (d: D, r: R[]) => ({ ...d, [key]: r }) as D;
  return {
    chunk(d: D): D[] {
      const all = records(d);
      const parts: D[] = [];
      for (let i = 0; i < all.length; i += perPart) parts.push(withRecords(d, all.slice(i, i + perPart)));
      return parts.length ? parts : [d];
    },
    records: (d: D) => records(d).length,
    split: (d: D) => records(d).map((r) => withRecords(d, [r])),
    join: (singles: D[]) => withRecords(singles[0]!, singles.flatMap(records)),
  };
}

/** A section heading and the span of cleaned text it covers. */
export interface Section {
  heading: string;
  start: number;
  end: number;
}

/** One document of the corpus after loading and cleaning. */
export interface Document {
  /** Stable slug derived from the file name, e.g. `000-4253ffe1722c6518`. */
  id: string;
  title: string;
  /** Where the document came from (publisher or URL), when known. */
  source?: string;
  /** A link to the original, when the source is a URL. */
  url?: string;
  /** Path of the file relative to the corpus folder. */
  file: string;
  /** The cleaned text: passages' offsets point into this string. */
  text: string;
  /** Paragraph spans in `text`, in order. */
  paragraphs: Span[];
  /** Section headings in `text`, in order. */
  sections: Section[];
}

export interface Span {
  start: number;
  end: number;
}

/** A retrievable unit: a paragraph, or a window of sentences of a long paragraph. */
export interface Passage {
  /** `doc-id#n`, stable while the file is unchanged. */
  id: string;
  docId: string;
  /** Heading of the section the passage sits in; empty before the first heading. */
  section: string;
  /** Position of the passage in its document, from 1. */
  ordinal: number;
  /** Character offsets into the cleaned document text. */
  start: number;
  end: number;
  text: string;
}

/** Why a file was not indexed, or what was repaired around it. */
export interface CorpusWarning {
  file: string;
  message: string;
}

/** What loading a corpus folder yields: expected problems are values, not exceptions. */
export interface Corpus {
  dir: string;
  documents: Document[];
  /** Alias groups: every phrase of a group means the same thing. */
  aliases: string[][];
  warnings: CorpusWarning[];
}

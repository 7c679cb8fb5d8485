import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';

/**
 * A cache file: a JSON header followed by named binary sections (32-bit
 * integer arrays and UTF-8 text), with a CRC-32 over everything after the
 * first 16 bytes so that a truncated or damaged file is noticed, not read.
 *
 *   bytes 0-7   "QUOTEIDX"
 *   bytes 8-11  header length (UInt32 LE)
 *   bytes 12-15 CRC-32 of the rest of the file
 *   header JSON, then each section starting at a multiple of 8 bytes
 */
export interface Container {
  header: Record<string, unknown>;
  int32(name: string): Int32Array;
  text(name: string): string;
}

export type Section = Int32Array | string;

export interface ReadHeaderOptions {
  /**
   * Called with the header; when it returns true, the rest of the file is also streamed
   * through the CRC-32 (1 MiB at a time, nothing kept), so that a truncated or damaged file
   * is noticed as decodeContainer would notice it, still without decoding a section.
   * @default the checksum is not verified
   */
  verifyChecksum?: (header: Record<string, unknown>) => boolean;
}

/** A cache file's header, read without its sections. */
export interface ContainerHeader {
  header: Record<string, unknown>;
  /** A section's length in bytes, or undefined when the file has none of that name. */
  sectionBytes(name: string): number | undefined;
}

/** Lays out a header and sections as the bytes of a cache file. */
export function encodeContainer(header: Record<string, unknown>, sections: Record<string, Section>): Buffer[] {
  const bodies = Object.entries(sections).map(([name, section]) => ({
    name,
    kind: typeof section === 'string' ? 'utf8' : 'int32',
    bytes: typeof section === 'string' ? Buffer.from(section, 'utf8') : Buffer.from(section.buffer, section.byteOffset, section.byteLength),
  }));
  // The header states where each section starts, and its own length moves
  // those places: lay out again until the offsets stop changing (twice or three times).
  let layout: Record<string, { kind: string; offset: number; bytes: number }> = {};
  let headerBytes = Buffer.alloc(0);
  for (let pass = 0; ; pass++) {
    if (pass === 10) throw new Error('index cache layout does not settle');
    headerBytes = Buffer.from(JSON.stringify({ ...header, sections: layout }), 'utf8');
    let offset = align(PREFIX_BYTES + headerBytes.length);
    const next: typeof layout = {};
    for (const body of bodies) {
      next[body.name] = { kind: body.kind, offset, bytes: body.bytes.length };
      offset = align(offset + body.bytes.length);
    }
    if (JSON.stringify(next) === JSON.stringify(layout)) break;
    layout = next;
  }
  const parts: Buffer[] = [headerBytes];
  let at = PREFIX_BYTES + headerBytes.length;
  for (const body of bodies) {
    const start = layout[body.name]!.offset;
    parts.push(Buffer.alloc(start - at), body.bytes);
    at = start + body.bytes.length;
  }
  const prefix = Buffer.alloc(PREFIX_BYTES);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(headerBytes.length, 8);
  let checksum = 0;
  for (const part of parts) checksum = crc32(part, checksum);
  prefix.writeUInt32LE(checksum, 12);
  return [prefix, ...parts];
}

/** Reads a cache file's bytes; a string says why they are not a sound cache file. */
export function decodeContainer(file: Buffer): Container | string {
  if (file.length < PREFIX_BYTES || file.toString('latin1', 0, 8) !== MAGIC) return 'not an index cache file (or one from an older version)';
  if (crc32(file.subarray(PREFIX_BYTES)) !== file.readUInt32LE(12)) return 'index cache is truncated or damaged (checksum mismatch)';
  const header = JSON.parse(file.toString('utf8', PREFIX_BYTES, PREFIX_BYTES + file.readUInt32LE(8))) as Record<string, unknown>;
  const sections = header.sections as Record<string, { kind: string; offset: number; bytes: number }>;
  const find = (name: string, kind: string) => {
    const section = sections[name];
    if (section?.kind !== kind || section.offset + section.bytes > file.length) throw new Error(`index cache has no ${kind} section "${name}"`);
    return section;
  };
  return {
    header,
    int32(name) {
      const { offset, bytes: length } = find(name, 'int32');
      // A copy, so the file's bytes can be freed once read; a new buffer also starts aligned, as typed arrays need.
      return new Int32Array(file.buffer.slice(file.byteOffset + offset, file.byteOffset + offset + length));
    },
    text(name) {
      const { offset, bytes: length } = find(name, 'utf8');
      return file.toString('utf8', offset, offset + length);
    },
  };
}

/**
 * Reads only the prefix and JSON header of a cache file, not its sections, so that a caller
 * can tell whether the file is fresh without decoding the index. A string says why the file
 * is not a sound cache file; a missing file throws, as does a header that is not JSON.
 */
export function readContainerHeader(path: string, options: ReadHeaderOptions = {}): ContainerHeader | string {
  const file = openSync(path, 'r');
  try {
    const size = fstatSync(file).size;
    const prefix = Buffer.alloc(PREFIX_BYTES);
    if (size < PREFIX_BYTES || readSync(file, prefix, 0, PREFIX_BYTES, 0) < PREFIX_BYTES || prefix.toString('latin1', 0, 8) !== MAGIC) {
      return 'not an index cache file (or one from an older version)';
    }
    const headerLength = prefix.readUInt32LE(8);
    if (PREFIX_BYTES + headerLength > size) return 'index cache is truncated or damaged (header runs past the end)';
    const headerBytes = Buffer.alloc(headerLength);
    if (readSync(file, headerBytes, 0, headerLength, PREFIX_BYTES) < headerLength) return 'index cache is truncated or damaged (short header)';
    const header = JSON.parse(headerBytes.toString('utf8')) as Record<string, unknown>;
    if (options.verifyChecksum?.(header) && checksumFrom(file, PREFIX_BYTES + headerLength, size, crc32(headerBytes)) !== prefix.readUInt32LE(12)) {
      return 'index cache is truncated or damaged (checksum mismatch)';
    }
    const sections = (header.sections ?? {}) as Record<string, { bytes: number } | undefined>;
    return { header, sectionBytes: (name) => sections[name]?.bytes };
  } finally {
    closeSync(file);
  }
}

/**
 * The first bytes (at most `length`) of a cache file's JSON header, as text, without reading
 * the rest: enough for a caller that knows which fields its header starts with. Undefined
 * when the file is missing or is not a cache file.
 */
export function peekContainerHeader(path: string, length: number): string | undefined {
  let file: number;
  try {
    file = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const bytes = Buffer.alloc(PREFIX_BYTES + length);
    const read = readSync(file, bytes, 0, bytes.length, 0);
    if (read < PREFIX_BYTES || bytes.toString('latin1', 0, 8) !== MAGIC) return undefined;
    return bytes.toString('utf8', PREFIX_BYTES, Math.min(read, PREFIX_BYTES + bytes.readUInt32LE(8)));
  } finally {
    closeSync(file);
  }
}

const MAGIC = 'QUOTEIDX';
const PREFIX_BYTES = 16;
const CHUNK_BYTES = 1 << 20;

/** The CRC-32 of a file's bytes from `start` to its end, continuing from `checksum`. */
function checksumFrom(file: number, start: number, size: number, checksum: number): number {
  const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, Math.max(size - start, 1)));
  for (let at = start; at < size; ) {
    const read = readSync(file, chunk, 0, Math.min(chunk.length, size - at), at);
    if (read === 0) break;
    checksum = crc32(chunk.subarray(0, read), checksum);
    at += read;
  }
  return checksum;
}

function align(offset: number): number {
  return Math.ceil(offset / 8) * 8;
}

import { Presets, SingleBar } from 'cli-progress';
import { loadConfig } from '../config.ts';
import { parseArgs } from './args.ts';
import { prepareIndexCache } from '../index-cache/open.ts';
import { formatWarning } from './open-engine.ts';
import { runMain } from './run-main.ts';

const USAGE = `Usage: npm run index -- [--corpus DIR]

Builds the index of the corpus ahead of time and saves it to the index cache
(INDEX_CACHE_PATH), so the bot and the CLI start without indexing.`;

runMain(() => {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const corpusDir = args.corpusDir ?? config.corpusDir;
  if (config.indexCachePath === false) {
    console.error('error: INDEX_CACHE_PATH is "off": there is no cache to build.');
    return 2;
  }
  const bar = process.stderr.isTTY ? new SingleBar({ format: 'indexing [{bar}] {percentage}% | {value}/{total} passages', stream: process.stderr }, Presets.shades_classic) : undefined;
  const { from, documentCount, passageCount, warnings, cachePath, milliseconds } = prepareIndexCache({
    corpusDir,
    cachePath: config.indexCachePath,
    engine: {
      onProgress: (indexed, total) => {
        if (bar && !bar.isActive) bar.start(total, 0);
        bar?.update(indexed);
      },
    },
    onWarning: (warning) => console.error(formatWarning(warning)),
    onStatus: (message) => console.error(message),
  });
  bar?.stop();
  const seconds = (milliseconds / 1000).toFixed(1);
  console.log(
    `${from === 'cache' ? 'Index is up to date' : 'Index built'}: ${documentCount} documents, ${passageCount} passages, ` +
      `${warnings.length} skipped or reported files, ${seconds} s -> ${cachePath}`,
  );
  return 0;
});

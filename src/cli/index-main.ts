import { loadConfig } from '../config.ts';
import { parseArgs } from './args.ts';
import { defaultCachePath, formatWarning, openEngine } from './open-engine.ts';
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
  const cachePath = config.indexCachePath ?? defaultCachePath(corpusDir);
  const { engine, from } = openEngine({
    corpusDir,
    cachePath,
    onWarning: (warning) => console.error(formatWarning(warning)),
    onStatus: (message) => console.error(message),
  });
  const documents = engine.documents();
  console.log(
    `${from === 'cache' ? 'Index is up to date' : 'Index built'}: ${documents.length} documents, ${engine.index.passages.length} passages -> ${cachePath}`,
  );
  return 0;
});

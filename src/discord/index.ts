export { startBot, type RunningBot, type StartBotOptions } from './bot.ts';
export { installShutdown, type ShutdownProcess } from './shutdown.ts';
export { deployCommands, commandDefinitions, type DeployOptions, type DeployResult } from './deploy.ts';
export { createDiscordClient, BOT_INTENTS, type ClientOptions } from './client.ts';
export { createInteractionRouter, type RouterOptions } from './router.ts';
export { toDiscordMessage } from './respond.ts';
export { createRateLimiter, type RateLimiter, type RateLimiterOptions } from './rate-limit.ts';
export { createQuestionStore, type QuestionStore } from './question-store.ts';
export type { BotContext, Command, ButtonHandler } from './context.ts';

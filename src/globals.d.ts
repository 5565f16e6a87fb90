/** True when the embedded mock Sock Shop backend (MSW) is bundled and started. Set in vite.config.ts. */
declare const __MOCK_API__: boolean;

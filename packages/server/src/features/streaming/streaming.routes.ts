import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';

export async function streamingRoutes(_app: App, _ctx: AppContext): Promise<void> {}

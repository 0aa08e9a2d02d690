import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';

export function pollsRoutes(_app: App, _ctx: AppContext): void {}

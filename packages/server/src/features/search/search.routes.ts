import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';

export function searchRoutes(_app: App, _ctx: AppContext): void {}

export * from './accounts';
export * from './admin';
export * from './common';
export * from './errors';
export * from './events';
export * from './instance';
export * from './oauth';
export * from './sessions';

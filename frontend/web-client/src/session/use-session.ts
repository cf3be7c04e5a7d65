export { useSession } from '@tripwise/web-session/react';

import { useSearchParams } from 'react-router';
import { RequireSignIn } from '../../ui/require-sign-in.tsx';
import { BundleCheckout } from './bundle-checkout.tsx';
import { ItemsCheckout } from './items-checkout.tsx';

/** /checkout?flight=…&cabin=…&passengers=… | ?hotel=…&room=…&checkIn=… | ?car=…&pickupDate=… | ?bundle=<AI bundle id> */
export function CheckoutPage() {
  const [params] = useSearchParams();
  const bundle = params.get('bundle');
  return <RequireSignIn>{bundle ? <BundleCheckout id={bundle} /> : <ItemsCheckout params={params} />}</RequireSignIn>;
}

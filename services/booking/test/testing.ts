/*
 * What other services' tests may use of booking, on purpose (`@tripwise/booking/testing`): the booking service
 * running in-process with the real search service and card processor behind it.
 */
export { givenABookingStack, type BookingStack } from './given-a-booking-stack.ts';

import type { CarClass } from './inventory.types.ts';

/** Where a model is rented: North America only, everywhere else only, or both. */
export type CarMarket = 'na' | 'intl' | 'any';

export interface CarModel {
  carClass: CarClass;
  model: string;
  seats: number;
  market: CarMarket;
}

const m = (carClass: CarClass, model: string, seats: number, market: CarMarket): CarModel => ({
  carClass,
  model,
  seats,
  market,
});

/** Real models rental fleets put in each class. */
export const CAR_MODELS: readonly CarModel[] = [
  m('economy', 'Mitsubishi Mirage', 5, 'na'),
  m('economy', 'Chevrolet Spark', 4, 'na'),
  m('economy', 'Kia Rio', 5, 'any'),
  m('economy', 'Toyota Yaris', 5, 'any'),
  m('economy', 'Fiat 500', 4, 'intl'),
  m('economy', 'Fiat Panda', 5, 'intl'),
  m('economy', 'Volkswagen Polo', 5, 'intl'),
  m('economy', 'Renault Clio', 5, 'intl'),
  m('economy', 'Hyundai i10', 5, 'intl'),
  m('compact', 'Toyota Corolla', 5, 'any'),
  m('compact', 'Nissan Versa', 5, 'na'),
  m('compact', 'Hyundai Elantra', 5, 'any'),
  m('compact', 'Kia Forte', 5, 'na'),
  m('compact', 'Honda Civic', 5, 'any'),
  m('compact', 'Seat Leon', 5, 'intl'),
  m('standard', 'Volkswagen Jetta', 5, 'na'),
  m('standard', 'Mazda3', 5, 'any'),
  m('standard', 'Subaru Impreza', 5, 'na'),
  m('standard', 'Skoda Octavia', 5, 'intl'),
  m('full_size', 'Toyota Camry', 5, 'any'),
  m('full_size', 'Chevrolet Malibu', 5, 'na'),
  m('full_size', 'Nissan Altima', 5, 'na'),
  m('full_size', 'Dodge Charger', 5, 'na'),
  m('full_size', 'Hyundai Sonata', 5, 'any'),
  m('sedan', 'Honda Accord', 5, 'any'),
  m('sedan', 'Mazda6', 5, 'any'),
  m('sedan', 'Volkswagen Passat', 5, 'intl'),
  m('sedan', 'Skoda Superb', 5, 'intl'),
  m('sedan', 'Audi A4', 5, 'intl'),
  m('hatchback', 'Volkswagen Golf', 5, 'intl'),
  m('hatchback', 'Ford Focus', 5, 'intl'),
  m('hatchback', 'Peugeot 308', 5, 'intl'),
  m('hatchback', 'Opel Astra', 5, 'intl'),
  m('hatchback', 'Honda Civic Hatchback', 5, 'na'),
  m('hatchback', 'Toyota Corolla Hatchback', 5, 'na'),
  m('suv', 'Toyota RAV4', 5, 'any'),
  m('suv', 'Ford Explorer', 7, 'na'),
  m('suv', 'Nissan Rogue', 5, 'na'),
  m('suv', 'Jeep Grand Cherokee', 5, 'na'),
  m('suv', 'Chevrolet Tahoe', 8, 'na'),
  m('suv', 'Hyundai Tucson', 5, 'any'),
  m('suv', 'Kia Sportage', 5, 'any'),
  m('suv', 'Volkswagen Tiguan', 5, 'any'),
  m('suv', 'Nissan Qashqai', 5, 'intl'),
  m('suv', 'Peugeot 3008', 5, 'intl'),
  m('van', 'Chrysler Pacifica', 7, 'na'),
  m('van', 'Toyota Sienna', 8, 'na'),
  m('van', 'Honda Odyssey', 8, 'na'),
  m('van', 'Kia Carnival', 8, 'any'),
  m('van', 'Mercedes-Benz Vito', 8, 'intl'),
  m('van', 'Volkswagen Transporter', 9, 'intl'),
  m('van', 'Toyota HiAce', 10, 'intl'),
  m('luxury', 'BMW 5 Series', 5, 'any'),
  m('luxury', 'Mercedes-Benz E-Class', 5, 'any'),
  m('luxury', 'Audi A6', 5, 'any'),
  m('luxury', 'Cadillac CT5', 5, 'na'),
  m('luxury', 'Lexus ES', 5, 'any'),
  m('luxury', 'Volvo S90', 5, 'any'),
  m('convertible', 'Ford Mustang Convertible', 4, 'na'),
  m('convertible', 'Chevrolet Camaro Convertible', 4, 'na'),
  m('convertible', 'BMW 4 Series Convertible', 4, 'any'),
  m('convertible', 'Mini Cooper Convertible', 4, 'any'),
  m('convertible', 'Fiat 500C', 4, 'intl'),
  m('pickup', 'Ford F-150', 5, 'na'),
  m('pickup', 'Chevrolet Silverado', 5, 'na'),
  m('pickup', 'Ram 1500', 5, 'na'),
  m('pickup', 'Toyota Tacoma', 5, 'na'),
  m('pickup', 'Toyota Hilux', 5, 'intl'),
  m('pickup', 'Ford Ranger', 5, 'intl'),
];

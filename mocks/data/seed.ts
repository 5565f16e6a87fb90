import type { Address, Card, SeedCustomer, Sock } from './types';

/**
 * The real seed data: catalogue `docker/catalogue-db/data/dump.sql` and user
 * `docker/user-db/scripts/*-insert.js` (reference section 8). Tags inside `tag[]` follow the
 * `sock_tag` insertion order.
 */
export const seedTags: readonly string[] = [
  'brown',
  'geek',
  'formal',
  'blue',
  'skin',
  'red',
  'action',
  'sport',
  'black',
  'magic',
  'green',
];

const img = (file: string): string => `/catalogue/images/${file}`;

export const seedSocks: readonly Sock[] = [
  {
    id: '6d62d909-f957-430e-8689-b5129c0bb75e',
    name: 'Weave special',
    description: 'Limited issue Weave socks.',
    imageUrl: [img('weave1.jpg'), img('weave2.jpg')],
    price: 17.15,
    count: 33,
    tag: ['geek', 'black'],
  },
  {
    id: 'a0a4f044-b040-410d-8ead-4de0446aec7e',
    name: 'Nerd leg',
    description:
      'For all those leg lovers out there. A perfect example of a swivel chair trained calf. Meticulously trained on a diet of sitting and Pina Coladas. Phwarr...',
    imageUrl: [img('bit_of_leg_1.jpeg'), img('bit_of_leg_2.jpeg')],
    price: 7.99,
    count: 115,
    tag: ['blue', 'skin'],
  },
  {
    id: '808a2de1-1aaa-4c25-a9b9-6612e8f29a38',
    name: 'Crossed',
    description: 'A mature sock, crossed, with an air of nonchalance.',
    imageUrl: [img('cross_1.jpeg'), img('cross_2.jpeg')],
    price: 17.32,
    count: 738,
    tag: ['blue', 'red', 'action', 'formal'],
  },
  {
    id: '510a0d7e-8e83-4193-b483-e27e09ddc34d',
    name: 'SuperSport XL',
    description:
      'Ready for action. Engineers: be ready to smash that next bug! Be ready, with these super-action-sport-masterpieces. This particular engineer was chased away from the office with a stick.',
    imageUrl: [img('puma_1.jpeg'), img('puma_2.jpeg')],
    price: 15.0,
    count: 820,
    tag: ['sport', 'black', 'formal'],
  },
  {
    id: '03fef6ac-1896-4ce8-bd69-b798f85c6e0b',
    name: 'Holy',
    description:
      'Socks fit for a Messiah. You too can experience walking in water with these special edition beauties. Each hole is lovingly proggled to leave smooth edges. The only sock approved by a higher power.',
    imageUrl: [img('holy_1.jpeg'), img('holy_2.jpeg')],
    price: 99.99,
    count: 1,
    tag: ['magic', 'action'],
  },
  {
    id: 'd3588630-ad8e-49df-bbd7-3167f7efb246',
    name: 'YouTube.sock',
    description: "We were not paid to sell this sock. It's just a bit geeky.",
    imageUrl: [img('youtube_1.jpeg'), img('youtube_2.jpeg')],
    price: 10.99,
    count: 801,
    tag: ['geek', 'formal'],
  },
  {
    id: '819e1fbf-8b7e-4f6d-811f-693534916a8b',
    name: 'Figueroa',
    description: 'enim officia aliqua excepteur esse deserunt quis aliquip nostrud anim',
    imageUrl: [img('WAT.jpg'), img('WAT2.jpg')],
    price: 14,
    count: 808,
    tag: ['formal', 'green', 'blue'],
  },
  {
    id: 'zzz4f044-b040-410d-8ead-4de0446aec7e',
    name: 'Classic',
    description: 'Keep it simple.',
    imageUrl: [img('classic.jpg'), img('classic2.jpg')],
    price: 12,
    count: 127,
    tag: ['brown', 'green'],
  },
  {
    id: '3395a43e-2d88-40de-b95f-e00e1502085b',
    name: 'Colourful',
    description: 'proident occaecat irure et excepteur labore minim nisi amet irure',
    imageUrl: [img('colourful_socks.jpg'), img('colourful_socks.jpg')],
    price: 18,
    count: 438,
    tag: ['brown', 'blue'],
  },
  {
    id: '837ab141-399e-4c1f-9abc-bace40296bac',
    name: 'Cat socks',
    description: 'consequat amet cupidatat minim laborum tempor elit ex consequat in',
    imageUrl: [img('catsocks.jpg'), img('catsocks2.jpg')],
    price: 15,
    count: 175,
    tag: ['brown', 'green', 'formal'],
  },
];

/** Well-known ids, for tests and scenarios. */
export const SOCK = {
  weaveSpecial: '6d62d909-f957-430e-8689-b5129c0bb75e',
  nerdLeg: 'a0a4f044-b040-410d-8ead-4de0446aec7e',
  crossed: '808a2de1-1aaa-4c25-a9b9-6612e8f29a38',
  superSportXl: '510a0d7e-8e83-4193-b483-e27e09ddc34d',
  holy: '03fef6ac-1896-4ce8-bd69-b798f85c6e0b',
  youtube: 'd3588630-ad8e-49df-bbd7-3167f7efb246',
  figueroa: '819e1fbf-8b7e-4f6d-811f-693534916a8b',
  classic: 'zzz4f044-b040-410d-8ead-4de0446aec7e',
  colourful: '3395a43e-2d88-40de-b95f-e00e1502085b',
  catSocks: '837ab141-399e-4c1f-9abc-bace40296bac',
} as const;

export const USER_ID = {
  eve: '57a98d98e4b00679b4a830af',
  user: '57a98d98e4b00679b4a830b2',
  user1: '57a98d98e4b00679b4a830b5',
} as const;

/** Passwords are what the seed hashes verify to (reference 13.4: Eve's is `eve`, not `duis`). */
export const seedCustomers: readonly SeedCustomer[] = [
  {
    id: USER_ID.eve,
    firstName: 'Eve',
    lastName: 'Berger',
    username: 'Eve_Berger',
    email: 'eve@example.com',
    password: 'eve',
  },
  {
    id: USER_ID.user,
    firstName: 'User',
    lastName: 'Name',
    username: 'user',
    email: 'user@example.com',
    password: 'password',
  },
  {
    id: USER_ID.user1,
    firstName: 'User1',
    lastName: 'Name1',
    username: 'user1',
    email: 'user1@example.com',
    password: 'password',
  },
];

export const seedAddresses: readonly Address[] = [
  {
    id: '57a98d98e4b00679b4a830ad',
    customerId: USER_ID.eve,
    street: 'Whitelees Road',
    number: '246',
    country: 'United Kingdom',
    city: 'Glasgow',
    postcode: 'G67 3DL',
  },
  {
    id: '57a98d98e4b00679b4a830b0',
    customerId: USER_ID.user,
    street: 'Whitelees Road',
    number: '246',
    country: 'United Kingdom',
    city: 'Glasgow',
    postcode: 'G67 3DL',
  },
  {
    id: '57a98d98e4b00679b4a830b3',
    customerId: USER_ID.user1,
    street: 'Maes-Y-Deri',
    number: '4',
    country: 'United Kingdom',
    city: 'Aberdare',
    postcode: 'CF44 6TF',
  },
];

export const seedCards: readonly Card[] = [
  {
    id: '57a98d98e4b00679b4a830ae',
    customerId: USER_ID.eve,
    longNum: '5953580604169678',
    expires: '08/19',
    ccv: '678',
  },
  {
    id: '57a98d98e4b00679b4a830b1',
    customerId: USER_ID.user,
    longNum: '5544154011345918',
    expires: '08/19',
    ccv: '958',
  },
  {
    id: '57a98d98e4b00679b4a830b4',
    customerId: USER_ID.user1,
    longNum: '0908415193175205',
    expires: '08/19',
    ccv: '280',
  },
];

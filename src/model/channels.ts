/** Known touchpoint channels and the contact type each belongs to (shown in the legend). */
export type ContactType = 'face-to-face' | 'voice' | 'digital' | 'self-service' | 'physical';

export const CHANNELS = {
    'in-person': 'face-to-face',
    phone: 'voice',
    video: 'voice',
    email: 'digital',
    sms: 'digital',
    chat: 'digital',
    web: 'digital',
    app: 'digital',
    social: 'digital',
    kiosk: 'self-service',
    terminal: 'self-service',
    mail: 'physical',
    print: 'physical'
} as const satisfies Record<string, ContactType>;

export type Channel = keyof typeof CHANNELS;

export function isKnownChannel(value: string): value is Channel {
    return Object.prototype.hasOwnProperty.call(CHANNELS, value);
}

export function contactTypeOf(channel: string): ContactType | undefined {
    return isKnownChannel(channel) ? CHANNELS[channel] : undefined;
}

export const INPUTS = { image: 'image', workingDirectory: 'working-directory', token: 'token' } as const;
export const OUTPUTS = { digest: 'digest' } as const;

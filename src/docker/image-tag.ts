/** The local tag an app's image gets when none is given: its title (or folder) made a valid image name. */
export function defaultImageTag(name: string): string {
  const repository = name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'app';
  return `${repository}:latest`;
}

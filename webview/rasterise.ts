/** SVG text → PNG data: URL at twice the size, drawn by the browser itself (no native renderer). */
export async function rasterise(svgText: string, scale = 2): Promise<string> {
    const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    try {
        const image = new Image();
        await new Promise<void>((resolve, reject) => {
            image.onload = () => resolve();
            image.onerror = () => reject(new Error('The drawing could not be rasterised.'));
            image.src = url;
        });
        const canvas = document.createElement('canvas');
        canvas.width = Math.ceil(image.naturalWidth * scale);
        canvas.height = Math.ceil(image.naturalHeight * scale);
        const context = canvas.getContext('2d')!;
        context.scale(scale, scale);
        context.drawImage(image, 0, 0);
        return canvas.toDataURL('image/png');
    } finally {
        URL.revokeObjectURL(url);
    }
}

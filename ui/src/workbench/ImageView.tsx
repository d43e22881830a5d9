import { useMemo, useState } from "react";
import { useI18n } from "../hooks/useI18n";
import { bytesToBase64 } from "./base64";
import { bodyBytes, type Body } from "./bodyContent";

type Props = { body: Body; mime: string };

/** What the <img> reported, tagged with the URL it was about so a new image starts clean. */
type LoadState = { src: string; broken: boolean; size: { width: number; height: number } | null };

/** An image body shown through a data: URL (the CSP allows `img-src data:`). */
export function ImageView({ body, mime }: Props) {
  const { t } = useI18n();
  // Text images (SVG) arrive as text: re-encode their exact UTF-8 bytes.
  const src = useMemo(
    () => `data:${mime};base64,${typeof body === "string" ? bytesToBase64(bodyBytes(body)) : body.base64}`,
    [body, mime],
  );
  const [load, setLoad] = useState<LoadState | null>(null);
  const current = load?.src === src ? load : null;

  return (
    <div className="rv-image-view">
      {current?.broken ? (
        <p className="rv-note">{t("viewer.image.broken")}</p>
      ) : (
        <img
          className="rv-image"
          src={src}
          alt={t("viewer.image.alt")}
          onLoad={(e) =>
            setLoad({
              src,
              broken: false,
              size: { width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight },
            })
          }
          onError={() => setLoad({ src, broken: true, size: null })}
        />
      )}
      {current?.size && (
        <p className="muted small">
          {mime} · {current.size.width} × {current.size.height} px
        </p>
      )}
    </div>
  );
}

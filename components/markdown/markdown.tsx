import Markdown, { type Components } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import "highlight.js/styles/github.css";
import "./markdown.css";

// Raw HTML in the source is shown as text (react-markdown's default, no rehype-raw) and URLs go
// through its defaultUrlTransform, which empties javascript: and other unsafe schemes. An emptied
// link is rendered as plain text so that clicking it does not reload the page.
const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow ugc">
        {children}
      </a>
    ) : (
      <span className="vc-inert-link">{children}</span>
    ),
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      // biome-ignore lint/performance/noImgElement: candidate content, not an app asset; next/image would proxy it.
      <img src={src} alt={alt ?? ""} loading="lazy" referrerPolicy="no-referrer" />
    ) : (
      <span className="vc-inert-link">{alt ? `[image: ${alt}]` : "[image]"}</span>
    ),
};

const rehypePlugins = [[rehypeHighlight, { detect: true }]] as NonNullable<
  Parameters<typeof Markdown>[0]["rehypePlugins"]
>;

/** Model output or a prompt, rendered as sanitized markdown with highlighted code. */
export function MarkdownText({ text, className = "" }: { text: string; className?: string }) {
  return (
    <div className={`vc-markdown ${className}`}>
      <Markdown components={components} rehypePlugins={rehypePlugins}>
        {text}
      </Markdown>
    </div>
  );
}

import { z } from "zod";

// Deliberately loose (looseObject): the emulator rejects what LINE surely rejects, and never what LINE accepts.

const label = z.string().max(20, "Length must be between 0 and 20").optional();
const url = z.string().max(2000).regex(/^(https?|tel|line):/i, "Must be a valid URI");

export const actionSchema = z.discriminatedUnion(
  "type",
  [
    z.looseObject({ type: z.literal("message"), label, text: z.string().min(1, "May not be empty").max(300) }),
    z.looseObject({
      type: z.literal("postback"),
      label,
      data: z.string().max(300, "Length must be between 0 and 300"),
      displayText: z.string().max(300).optional(),
      text: z.string().max(300).optional(),
      inputOption: z.enum(["closeRichMenu", "openRichMenu", "openKeyboard", "openVoice"]).optional(),
      fillInText: z.string().max(300).optional(),
    }),
    z.looseObject({ type: z.literal("uri"), label, uri: url.max(1000) }),
    z.looseObject({
      type: z.literal("datetimepicker"),
      label,
      data: z.string().max(300),
      mode: z.enum(["date", "time", "datetime"]),
    }),
    z.looseObject({ type: z.literal("camera"), label: z.string().min(1).max(20) }),
    z.looseObject({ type: z.literal("cameraRoll"), label: z.string().min(1).max(20) }),
    z.looseObject({ type: z.literal("location"), label: z.string().min(1).max(20) }),
    z.looseObject({ type: z.literal("clipboard"), label, clipboardText: z.string().min(1).max(1000) }),
    z.looseObject({ type: z.literal("richmenuswitch"), label, richMenuAliasId: z.string().min(1).max(32), data: z.string().max(300) }),
  ],
  { error: "Must be one of the following values: [message, postback, uri, datetimepicker, camera, cameraRoll, location, clipboard, richmenuswitch]" },
);

const quickReply = z.looseObject({
  items: z
    .array(z.looseObject({ type: z.literal("action"), imageUrl: url.optional(), action: actionSchema }))
    .min(1, "Size must be between 1 and 13")
    .max(13, "Size must be between 1 and 13"),
});

const common = {
  quickReply: quickReply.optional(),
  sender: z.looseObject({ name: z.string().max(20).optional(), iconUrl: url.optional() }).optional(),
};
const altText = z.string().min(1, "May not be empty").max(1500, "Length must be between 0 and 1500");
const actions = (min: number, max: number) =>
  z.array(actionSchema).min(min, `Size must be between ${min} and ${max}`).max(max, `Size must be between ${min} and ${max}`);

const template = z.discriminatedUnion(
  "type",
  [
    z.looseObject({ type: z.literal("buttons"), title: z.string().max(40).optional(), text: z.string().min(1).max(160), actions: actions(1, 4) }),
    z.looseObject({ type: z.literal("confirm"), text: z.string().min(1).max(240), actions: actions(2, 2) }),
    z.looseObject({
      type: z.literal("carousel"),
      columns: z.array(z.looseObject({ text: z.string().min(1).max(120), actions: actions(1, 3) })).min(1).max(10),
    }),
    z.looseObject({
      type: z.literal("image_carousel"),
      columns: z.array(z.looseObject({ imageUrl: url, action: actionSchema })).min(1).max(10),
    }),
  ],
  { error: "Must be one of the following values: [buttons, confirm, carousel, image_carousel]" },
);

export const messageSchema = z.discriminatedUnion(
  "type",
  [
    z.looseObject({
      type: z.literal("text"),
      text: z.string().min(1, "May not be empty").max(5000, "Length must be between 0 and 5000"),
      ...common,
    }),
    z.looseObject({ type: z.literal("textV2"), text: z.string().min(1).max(5000), ...common }),
    z.looseObject({ type: z.literal("sticker"), packageId: z.string().min(1), stickerId: z.string().min(1), ...common }),
    z.looseObject({ type: z.literal("image"), originalContentUrl: url, previewImageUrl: url, ...common }),
    z.looseObject({ type: z.literal("video"), originalContentUrl: url, previewImageUrl: url, ...common }),
    z.looseObject({ type: z.literal("audio"), originalContentUrl: url, duration: z.number().int().positive(), ...common }),
    z.looseObject({
      type: z.literal("location"),
      title: z.string().min(1).max(100),
      address: z.string().min(1).max(100),
      latitude: z.number(),
      longitude: z.number(),
      ...common,
    }),
    z.looseObject({ type: z.literal("imagemap"), baseUrl: url, altText, ...common }),
    z.looseObject({ type: z.literal("template"), altText: altText.max(400, "Length must be between 0 and 400"), template, ...common }),
    z.looseObject({
      type: z.literal("flex"),
      altText: altText.max(1500),
      contents: z.looseObject({ type: z.enum(["bubble", "carousel"]) }),
      ...common,
    }),
  ],
  { error: "Must be one of the following values: [text, textV2, sticker, image, video, audio, location, imagemap, template, flex]" },
);

export const messagesSchema = z.array(messageSchema).min(1, "Size must be between 1 and 5").max(5, "Size must be between 1 and 5");

export type OutgoingMessage = z.output<typeof messageSchema>;
